#include "unit_strips_legend.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>

namespace lstm {

bool stripsEachUnitOwnRange(Quantity q) {
  return !(quantityIsGate(q) || q == Quantity::CandidateGate || q == Quantity::Hidden);
}

QString stripsLegendText(Quantity q) {
  if (!stripsEachUnitOwnRange(q))
    return QCoreApplication::translate("lstm::UnitStripsCanvas", "strips: %1").arg(quantityName(q));
  return QCoreApplication::translate("lstm::UnitStripsCanvas", "strips: %1, each unit over its own range ±max|%2|")
      .arg(quantityName(q), quantitySymbol(q));
}

QColor stripsLegendColor(Quantity q, double fraction) {
  const QuantityRange range = stripsEachUnitOwnRange(q) ? QuantityRange{-1.0, 1.0} : naturalRange(q);
  return quantityColor(q, range.low + (range.high - range.low) * fraction, range);
}

std::pair<QString, QString> stripsLegendEnds(Quantity q) {
  if (stripsEachUnitOwnRange(q))
    return {QStringLiteral("\u2212max"), QStringLiteral("+max")};
  const QuantityRange range = naturalRange(q);
  return {QString::number(range.low, 'g', 2), QString::number(range.high, 'g', 2)};
}

void paintStripsLegend(QPainter &p, Quantity q, const QRect &area, const QFont &font, const QColor &ink) {
  p.setFont(font);
  p.setPen(ink);
  const QFontMetrics metrics(font);
  int x = area.left();
  const auto text = [&](const QString &words, int gap) {
    p.drawText(QRect(x, area.top(), std::max(0, area.right() - x), area.height()), Qt::AlignVCenter | Qt::AlignLeft,
               words);
    x += metrics.horizontalAdvance(words) + gap;
  };
  const auto [low, high] = stripsLegendEnds(q);
  text(stripsLegendText(q), 12);
  text(low, 4);
  const QRect bar(x, area.center().y() - 5, 110, 10);
  QLinearGradient gradient(bar.topLeft(), bar.topRight());
  for (int k = 0; k <= 8; ++k)
    gradient.setColorAt(k / 8.0, stripsLegendColor(q, k / 8.0));
  p.fillRect(bar, gradient);
  x = bar.right() + 5;
  text(high, 0);
}

} // namespace lstm
