#include "intervention.h"

#include <cstdio>

namespace lstm {

char gateLetter(Gate gate) {
  switch (gate) {
  case Gate::Input: return 'i';
  case Gate::Forget: return 'f';
  case Gate::Cell: return 'g';
  case Gate::Output: return 'o';
  }
  return '?';
}

std::string Intervention::describe() const {
  char value_text[32];
  std::snprintf(value_text, sizeof value_text, "%g", double(value));
  const std::string where = "layer " + std::to_string(layer) + ", unit " + std::to_string(unit) + ": ";
  switch (kind) {
  case InterventionKind::ClampGate: return where + gateLetter(gate) + " clamped to " + value_text;
  case InterventionKind::ZeroHidden: return where + "h set to 0";
  case InterventionKind::ZeroCell: return where + "c set to 0";
  case InterventionKind::SetCell: return where + "c set to " + value_text;
  case InterventionKind::AddCell: return where + "c shifted by " + value_text;
  }
  return where;
}

} // namespace lstm
