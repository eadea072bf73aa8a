#pragma once
// The colour scale of UnitStripsView's strips, in words and colours, shared by the view's legend and its exports.
// Gates, g and h share their natural scale; c and the pre-activations are unbounded, so each unit is drawn over its
// own range ±max|value| (unitRange) and the legend names the ends "−max" and "+max". Texts in the current UI
// language (context "lstm::UnitStripsCanvas"). GUI thread.
#include "common/quantity_style.h"

#include <QColor>
#include <QString>

#include <utility>

class QFont;
class QPainter;
class QRect;

namespace lstm {

bool stripsEachUnitOwnRange(Quantity q);
QString stripsLegendText(Quantity q);                        // "strips: cell state c, each unit over its own range …"
QColor stripsLegendColor(Quantity q, double fraction);      // the scale from its low (0) to its high end (1)
std::pair<QString, QString> stripsLegendEnds(Quantity q);   // "0", "1" for a gate; "−max", "+max" for c
// Caption, low end, gradient bar, high end, left to right inside `area`, vertically centred.
void paintStripsLegend(QPainter &p, Quantity q, const QRect &area, const QFont &font, const QColor &ink);

} // namespace lstm
