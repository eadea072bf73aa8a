#pragma once
// A change the user forces on one unit of one layer while stepping, and WHERE inside the cell step each kind acts.
// The order is written down once, as data: kCellOrder below. The cell step (lstm_cell.h) walks it forward and its
// backward walks it in reverse; the Stepper, the gradient-flow analysis and the explorer's cell views all run that
// one cell step, so they cannot disagree about it.
#include "tensor_types.h"

#include <array>
#include <cstdint>
#include <string>

namespace lstm {

enum class InterventionKind { ClampGate, ZeroHidden, ZeroCell, SetCell, AddCell };

struct Intervention {
  InterventionKind kind = InterventionKind::ClampGate;
  int layer = 0;
  int unit = 0;
  Gate gate = Gate::Forget; // ClampGate only
  float value = 0.0f;       // ClampGate, SetCell, AddCell

  static Intervention clampGate(int layer, int unit, Gate gate, float value) {
    return {InterventionKind::ClampGate, layer, unit, gate, value};
  }
  static Intervention zeroHidden(int layer, int unit) { return {InterventionKind::ZeroHidden, layer, unit}; }
  static Intervention zeroCell(int layer, int unit) { return {InterventionKind::ZeroCell, layer, unit}; }
  static Intervention setCell(int layer, int unit, float value) {
    return {InterventionKind::SetCell, layer, unit, Gate::Forget, value};
  }
  static Intervention addCell(int layer, int unit, float value) {
    return {InterventionKind::AddCell, layer, unit, Gate::Forget, value};
  }

  std::string describe() const; // e.g. "layer 0, unit 7: f clamped to 0"
  bool operator==(const Intervention &) const = default;
};

char gateLetter(Gate gate); // 'i', 'f', 'g', 'o'

// One stage of the cell step of layer k at step t: a computation, or the place where one intervention kind acts.
enum class CellStage : std::uint8_t {
  Activate,     // a = W_ih·x + b_ih + W_hh·h_{t−1} + b_hh (never changed, recorded as computed); i f g o = σ/tanh(a)
  ClampGate,    // the unit's activation of one gate := value; c_t and h_t use the clamped gate
  UpdateCell,   // c_t = f ⊙ c_{t−1} + i ⊙ g
  SetCell,      // c_t of the unit := value
  ZeroCell,     // c_t of the unit := 0
  AddCell,      // c_t of the unit += value
  UpdateHidden, // h_t = o ⊙ tanh(c_t), with the changed c_t
  ZeroHidden,   // h_t of the unit := 0
};
inline constexpr int kCellStageCount = 8;
using CellOrder = std::array<CellStage, kCellStageCount>;

// THE order of one step, as the product runs it. Interventions of one kind apply in the order they were added
// (two AddCell on a unit sum up; of two SetCell the later wins). The recorded c_t and h_t are the changed ones:
// they feed layer k+1 at this step, the head and the next step. A clamped gate, a set or zeroed c_t and a zeroed
// h_t are constants: no gradient passes through them.
inline constexpr CellOrder kCellOrder = {CellStage::Activate,   CellStage::ClampGate,    CellStage::UpdateCell,
                                         CellStage::SetCell,    CellStage::ZeroCell,     CellStage::AddCell,
                                         CellStage::UpdateHidden, CellStage::ZeroHidden};

// An order the cell step can walk: every stage once, the computations in the order Activate, UpdateCell,
// UpdateHidden, and each intervention between the computation of what it changes and the next computation
// (ClampGate after Activate, the c_t kinds after UpdateCell, ZeroHidden after UpdateHidden). So only the three
// c_t kinds may be reordered among themselves.
bool isValidCellOrder(const CellOrder &order);

// The stage at which `kind` acts.
CellStage stageOf(InterventionKind kind);

} // namespace lstm
