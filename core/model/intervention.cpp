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

CellStage stageOf(InterventionKind kind) {
  switch (kind) {
  case InterventionKind::ClampGate: return CellStage::ClampGate;
  case InterventionKind::ZeroHidden: return CellStage::ZeroHidden;
  case InterventionKind::ZeroCell: return CellStage::ZeroCell;
  case InterventionKind::SetCell: return CellStage::SetCell;
  case InterventionKind::AddCell: return CellStage::AddCell;
  }
  return CellStage::Activate;
}

bool isValidCellOrder(const CellOrder &order) {
  // Rank of each stage's neighbourhood: 0 Activate, 1 its clamp, 2 UpdateCell, 3 the c_t kinds, 4 UpdateHidden,
  // 5 ZeroHidden. A valid order visits every stage once with non-decreasing rank.
  auto rank = [](CellStage stage) {
    switch (stage) {
    case CellStage::Activate: return 0;
    case CellStage::ClampGate: return 1;
    case CellStage::UpdateCell: return 2;
    case CellStage::SetCell:
    case CellStage::ZeroCell:
    case CellStage::AddCell: return 3;
    case CellStage::UpdateHidden: return 4;
    case CellStage::ZeroHidden: return 5;
    }
    return -1;
  };
  std::array<bool, kCellStageCount> seen{};
  int previousRank = 0;
  for (CellStage stage : order) {
    const auto index = std::size_t(stage);
    const int r = rank(stage);
    if (index >= seen.size() || seen[index] || r < previousRank)
      return false;
    seen[index] = true;
    previousRank = r;
  }
  return true;
}

} // namespace lstm
