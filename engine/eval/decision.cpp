#include "engine/eval/decision.hpp"

namespace gradus::eval {

const char* to_string(Decision decision) {
  switch (decision) {
    case Decision::Start: return "start";
    case Decision::Advance: return "advance";
    case Decision::Hold: return "hold";
    case Decision::Regress: return "regress";
    case Decision::Refer: return "refer";
    case Decision::Discharge: return "discharge";
    case Decision::Rest: return "rest";
  }
  return "hold";
}

const char* to_string(Blocked blocked) {
  switch (blocked) {
    case Blocked::None: return "none";
    case Blocked::MinDays: return "min_days";
    case Blocked::Cap: return "max_advances";
    case Blocked::LastStage: return "last_stage";
  }
  return "none";
}

}  // namespace gradus::eval
