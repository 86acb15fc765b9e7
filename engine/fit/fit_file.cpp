#include "engine/fit/fit_file.hpp"

#include <bit>

#include "engine/fit/profile.hpp"

namespace gradus::fit {

bool FitFile::element_valid(const Field& f, std::size_t i) const {
  if (f.type == BaseType::String) return f.count > 0;
  return i < f.count && !raw_is_invalid(f.type, element(f, i));
}

bool FitFile::field_valid(const Field& f) const {
  if (f.type == BaseType::String) return f.count > 0;
  for (std::size_t i = 0; i < f.count; ++i)
    if (!raw_is_invalid(f.type, element(f, i))) return true;
  return false;
}

double FitFile::element_number(const Field& f, std::size_t i) const {
  const std::uint64_t raw = element(f, i);
  if (is_float(f.type)) return std::bit_cast<double>(raw);
  if (is_signed(f.type)) return static_cast<double>(static_cast<std::int64_t>(raw));
  return static_cast<double>(raw);
}

double FitFile::scaled(const Message& m, const Field& f, std::size_t i) const {
  const double v = element_number(f, i);
  if (f.developer()) {
    const auto& d = developer_fields[f.description];
    return v / d.scale - d.offset;
  }
  if (const ProfileField* p = profile_field(m.global, f.number)) return v / p->scale - p->offset;
  return v;
}

std::span<const Field> MessageView::fields() const { return file_->fields_of(*message_); }

const Field* MessageView::field(std::uint8_t number) const {
  for (const Field& f : fields())
    if (!f.developer() && f.number == number) return &f;
  return nullptr;
}

const Field* MessageView::developer_field(std::string_view name) const {
  for (const Field& f : fields())
    if (f.developer() && file_->developer_fields[f.description].name == name) return &f;
  return nullptr;
}

std::optional<double> MessageView::number(std::uint8_t field_number, std::size_t i) const {
  const Field* f = field(field_number);
  if (!f || f->type == BaseType::String || !file_->element_valid(*f, i)) return std::nullopt;
  return file_->scaled(*message_, *f, i);
}

std::optional<std::uint64_t> MessageView::raw(std::uint8_t field_number, std::size_t i) const {
  const Field* f = field(field_number);
  if (!f || f->type == BaseType::String || !file_->element_valid(*f, i)) return std::nullopt;
  return file_->element(*f, i);
}

std::optional<double> MessageView::developer_number(std::string_view name, std::size_t i) const {
  const Field* f = developer_field(name);
  if (!f || f->type == BaseType::String || !file_->element_valid(*f, i)) return std::nullopt;
  return file_->scaled(*message_, *f, i);
}

}  // namespace gradus::fit
