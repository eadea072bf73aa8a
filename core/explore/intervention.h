#pragma once
// A change the user forces on one unit while stepping, applied inside every step while it is active.
// Order inside one step of layer k (see Stepper::step):
//   1. a = W_ih·x + b_ih + W_hh·h_{t−1} + b_hh     pre-activations: never changed, recorded as computed
//   2. i, f, g, o = σ/tanh(a)                       ClampGate replaces the unit's activation of one gate here
//   3. c_t = f ⊙ c_{t−1} + i ⊙ g                     (uses the clamped gates)
//   4. SetCell / ZeroCell / AddCell change c_t of the unit here
//   5. h_t = o ⊙ tanh(c_t)                           (uses the changed c_t and a clamped o)
//   6. ZeroHidden sets h_t of the unit to 0 here
// The recorded c_t and h_t are the changed ones; they feed layer k+1 at this step, the head, and the next step.
#include "model/tensor_types.h"

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

} // namespace lstm
