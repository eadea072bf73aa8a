#pragma once
// How quantities look everywhere in the UI, so the text tint, heatmaps, traces and the cell diagram agree:
// names, value ranges and one colour scale per kind of quantity.
//   gates i f o ∈ [0, 1]: white → deep blue;  candidate g, hidden h ∈ [−1, 1]: red ← white → blue;
//   cell c (unbounded): red ← white → blue over a symmetric range chosen by the view.
// While displayStyle().highContrast() (presentation) every scale diverges from white at its middle to ends that
// keep 7:1 contrast against white — gates brown (closed) ← white → blue (open) — so views redraw on its changed().
// Names are translated (context "lstm::Quantity"): call them when drawing, never cache them across a language change.
#include "explore/trace.h"

#include <QColor>
#include <QString>

namespace lstm {

struct QuantityRange {
  double low, high;
};

QString quantityName(Quantity q);       // "input gate i", "cell state c", … in the current UI language
QString quantitySymbol(Quantity q);     // "i", "f", "g", "o", "c", "h", "a_i", …
bool quantityIsGate(Quantity q);        // i, f, o (σ, in [0, 1])
QuantityRange naturalRange(Quantity q); // [0,1] for σ gates, [−1,1] for g and h, [−3,3] for c and pre-activations
// The range one unit's colours are drawn over: the natural range, except for c and the pre-activations, which
// are unbounded: there ±max|value| of that unit over the whole trace (at least 1), so a unit whose cell drifts to
// −8 still shows its ups and downs instead of one saturated colour. O(steps).
QuantityRange unitRange(const Trace &trace, int layer, Quantity q, int unit);
// Colour of `value` on the quantity's scale over `range` (values outside are clamped).
QColor quantityColor(Quantity q, double value, QuantityRange range);
inline QColor quantityColor(Quantity q, double value) { return quantityColor(q, value, naturalRange(q)); }
// The six quantities shown per layer, in the order the views list them: i f g o c h.
inline constexpr Quantity kShownQuantities[6] = {Quantity::InputGate,  Quantity::ForgetGate, Quantity::CandidateGate,
                                                 Quantity::OutputGate, Quantity::Cell,       Quantity::Hidden};

} // namespace lstm
