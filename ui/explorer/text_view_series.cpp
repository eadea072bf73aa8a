// TextView, series part: a tape of numbers laid out as a grid of equal cells, one value per step.
#include "text_view.h"

#include "explorer_session.h"
#include "step_values.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {
constexpr float kValuePadding = 5.0f; // px each side of a value inside its cell
} // namespace

float TextView::valueCellWidth(double value) const {
  return std::ceil(float(QFontMetricsF(m_font).horizontalAdvance(formatSeriesValue(value))) + 2.0f * kValuePadding);
}

void TextView::syncSeries() {
  const int n = m_session->hasModel() && m_session->isSeriesTape() ? m_session->tapeLength() : 0;
  int first = 0;
  const int common = std::min(n, int(m_values.size()));
  while (first < common && m_values[std::size_t(first)] == m_session->tapeValue(first))
    ++first;
  if (first == n && n == int(m_values.size()))
    return;
  m_values.resize(std::size_t(n));
  for (int k = first; k < n; ++k)
    m_values[std::size_t(k)] = m_session->tapeValue(k);
  if (first == 0 || m_valueCellWidth < 0.0f) {
    m_valueCellWidth = -1.0f; // a new series: the cells may get narrower too
    relayoutAll();
    return;
  }
  // Appended values (writing): only a wider value moves the whole grid.
  float width = m_valueCellWidth;
  for (int k = first; k < n; ++k)
    width = std::max(width, valueCellWidth(m_values[std::size_t(k)]));
  if (width > m_valueCellWidth) {
    m_valueCellWidth = width;
    relayoutAll();
  } else {
    relayoutFrom(first);
  }
}

void TextView::relayoutSeriesFrom(int index) {
  const int n = int(m_values.size());
  if (m_valueCellWidth < 0.0f) {
    // At least as wide as a typical value, so a series of small integers still gets cells that are easy to hit.
    m_valueCellWidth = valueCellWidth(10.25);
    for (double value : m_values)
      m_valueCellWidth = std::max(m_valueCellWidth, valueCellWidth(value));
    m_valuesPerRow = 0;
  }
  const int perRow = std::max(1, int(float(m_layoutWidth) / m_valueCellWidth));
  // Every row holds perRow cells, so a change at `index` moves nothing before its row.
  const std::size_t keepRows = perRow == m_valuesPerRow ? std::size_t(std::min(index, n) / perRow) : 0;
  m_valuesPerRow = perRow;
  m_rowStart.resize(std::min(keepRows, m_rowStart.size()));
  m_charX.resize(std::size_t(n));
  m_charWidth.resize(std::size_t(n));
  for (int i = int(m_rowStart.size()) * perRow; i < n; ++i) {
    if (i % perRow == 0)
      m_rowStart.push_back(i);
    m_charX[std::size_t(i)] = float(i % perRow) * m_valueCellWidth;
    m_charWidth[std::size_t(i)] = m_valueCellWidth;
  }
  if (n == 0)
    m_rowStart.push_back(0);
  updateScrollRange();
}

QString TextView::seriesToolTipHead(int index) const {
  QString head = tr("step %1: %2").arg(index).arg(formatSeriesValue(m_session->tapeValue(index)));
  if (index < m_session->steps()) {
    head += QLatin1Char('\n') + tr("predicts %1 for the next step").arg(formatSeriesValue(m_session->predictionAt(index)));
    if (index + 1 < m_session->tapeLength())
      head += QLatin1Char(' ') + tr("(actual %1)").arg(formatSeriesValue(m_session->tapeValue(index + 1)));
  }
  return head;
}

void TextView::paintValueCell(QPainter &p, int index, const QRect &cell, bool read, const QColor &tint,
                              const QColor &ink) {
  // A pixel of white between cells keeps neighbouring values apart where their tints are alike.
  const QRect inner = cell.adjusted(0, 1, -1, -2);
  p.fillRect(inner, read ? tint : QColor(246, 246, 246));
  p.setPen(ink);
  const int pad = int(kValuePadding);
  p.drawText(inner.adjusted(pad, 0, -pad, 0), Qt::AlignVCenter | Qt::AlignRight,
             formatSeriesValue(m_values[std::size_t(index)]));
}

} // namespace lstm
