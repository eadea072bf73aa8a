#include "quantity_style.h"

#include "display_style.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace lstm {

QString quantityName(Quantity q) {
  switch (q) {
  case Quantity::InputGate: return QCoreApplication::translate("lstm::Quantity", "input gate i");
  case Quantity::ForgetGate: return QCoreApplication::translate("lstm::Quantity", "forget gate f");
  case Quantity::CandidateGate: return QCoreApplication::translate("lstm::Quantity", "candidate g");
  case Quantity::OutputGate: return QCoreApplication::translate("lstm::Quantity", "output gate o");
  case Quantity::Cell: return QCoreApplication::translate("lstm::Quantity", "cell state c");
  case Quantity::Hidden: return QCoreApplication::translate("lstm::Quantity", "hidden state h");
  case Quantity::InputPre: return QCoreApplication::translate("lstm::Quantity", "pre-activation a_i");
  case Quantity::ForgetPre: return QCoreApplication::translate("lstm::Quantity", "pre-activation a_f");
  case Quantity::CandidatePre: return QCoreApplication::translate("lstm::Quantity", "pre-activation a_g");
  case Quantity::OutputPre: return QCoreApplication::translate("lstm::Quantity", "pre-activation a_o");
  }
  return {};
}

QString quantitySymbol(Quantity q) { return QString::fromLatin1(toString(q)); }

bool quantityIsGate(Quantity q) {
  return q == Quantity::InputGate || q == Quantity::ForgetGate || q == Quantity::OutputGate;
}

QuantityRange naturalRange(Quantity q) {
  if (quantityIsGate(q))
    return {0.0, 1.0};
  if (q == Quantity::CandidateGate || q == Quantity::Hidden)
    return {-1.0, 1.0};
  return {-3.0, 3.0};
}

QuantityRange unitRange(const Trace &trace, int layer, Quantity q, int unit) {
  const QuantityRange natural = naturalRange(q);
  if (quantityIsGate(q) || q == Quantity::CandidateGate || q == Quantity::Hidden || trace.steps() == 0 ||
      layer < 0 || layer >= trace.layers() || unit < 0 || unit >= trace.units())
    return natural;
  float largest = 1.0f;
  for (int step = 0; step < trace.steps(); ++step) {
    const float value = std::abs(trace.value(layer, q, step, unit));
    if (std::isfinite(value))
      largest = std::max(largest, value);
  }
  return {-double(largest), double(largest)};
}

namespace {
QColor mix(const QColor &a, const QColor &b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                          float(a.blueF() + (b.blueF() - a.blueF()) * t));
}
const QColor kWhite(255, 255, 255), kBlue(33, 102, 172), kRed(178, 24, 43), kDeepBlue(8, 48, 107);
// High contrast (projector): every end at least 7:1 against white (WCAG AAA), and the ramps bent (t^0.6) so small
// values already leave the washed-out white a projector makes of the palest tints.
const QColor kStrongBlue(8, 69, 148), kStrongRed(165, 15, 21), kClosedBrown(140, 45, 4);
constexpr double kHighContrastBend = 0.6;
} // namespace

QColor quantityColor(Quantity q, double value, QuantityRange range) {
  const double span = range.high - range.low;
  if (!(span > 0.0) || !std::isfinite(value))
    return kWhite;
  const double middle = 0.5 * (range.low + range.high);
  if (displayStyle().highContrast()) {
    // Gates diverge too, closed (brown) ← half open (white) → open (blue): a white closed end would vanish.
    const QColor low = quantityIsGate(q) ? kClosedBrown : kStrongRed;
    const double t = std::clamp((value - middle) / (0.5 * span), -1.0, 1.0);
    const double bent = std::pow(std::abs(t), kHighContrastBend);
    return t >= 0.0 ? mix(kWhite, kStrongBlue, bent) : mix(kWhite, low, bent);
  }
  if (quantityIsGate(q))
    return mix(kWhite, kDeepBlue, (value - range.low) / span);
  // Diverging around the middle of the range (0 for symmetric ranges).
  if (value >= middle)
    return mix(kWhite, kBlue, (value - middle) / (range.high - middle));
  return mix(kWhite, kRed, (middle - value) / (middle - range.low));
}

} // namespace lstm
