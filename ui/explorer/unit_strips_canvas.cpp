#include "unit_strips_canvas.h"

#include "character_click.h"
#include "common/display_style.h"
#include "explorer_session.h"
#include "model/model.h"
#include "step_values.h"
#include "unit_strips_legend.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {
const QColor kUnreadStrip(238, 238, 238);
const QColor kCursorFill(255, 226, 178);
const QColor kCursorPen(230, 110, 0);
} // namespace

class UnitStripsCanvas::Legend : public QWidget {
public:
  explicit Legend(UnitStripsCanvas *canvas) : QWidget(canvas), m_canvas(canvas) {
    setObjectName(QStringLiteral("unitStripsLegend"));
  }

protected:
  void paintEvent(QPaintEvent *) override {
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    m_canvas->paintLegend(p, width());
  }

private:
  UnitStripsCanvas *m_canvas;
};

UnitStripsCanvas::UnitStripsCanvas(ExplorerSession *session, QWidget *parent)
    : QAbstractScrollArea(parent), m_session(session), m_legend(new Legend(this)) {
  setObjectName(QStringLiteral("unitStripsCanvas"));
  viewport()->setObjectName(QStringLiteral("unitStripsViewport"));
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  viewport()->setMouseTracking(true);
  viewport()->setCursor(Qt::PointingHandCursor);
  QFont textFont = font();
  textFont.setPointSizeF(std::max(12.0, textFont.pointSizeF()));
  textFont.setKerning(false); // positions are summed advances
  m_layout.setFont(textFont);
  m_labelFont = font();
  m_labelFont.setPointSizeF(std::max(7.0, textFont.pointSizeF() * 0.7));
  m_stripHeight = int(std::ceil(QFontMetricsF(m_labelFont).height()));
  m_legendHeight = fontMetrics().height() + 8;
  setViewportMargins(0, m_legendHeight, 0, 0);
  relayout();
}

UnitStripsCanvas::~UnitStripsCanvas() = default;

void UnitStripsCanvas::syncTape() {
  const Model *model = m_session->hasModel() ? &m_session->model() : nullptr;
  if (model != m_laidOutModel) {
    m_laidOutModel = model;
    m_layout.reset(model ? &model->vocabulary : nullptr, model && m_session->isSeriesTape());
    m_shownCursor = -1;
  }
  const int n = model ? m_session->tapeLength() : 0;
  if (m_layout.isSeries())
    m_layout.syncValues(m_session->isSeriesTape() ? n : 0, [this](int k) { return m_session->tapeValue(k); });
  else
    m_layout.syncTokens(n, [this](int k) { return m_session->tapeToken(k); });
}

void UnitStripsCanvas::setStrips(std::vector<UnitStrip> strips) {
  syncTape();
  m_strips = std::move(strips);
  m_quantity = m_session->selectedQuantity();
  m_steps = m_session->hasModel() ? std::min(m_session->steps(), m_layout.cellCount()) : 0;
  m_ranges.clear();
  for (const UnitStrip &strip : m_strips)
    m_ranges.push_back(m_session->hasModel() ? unitRange(m_session->trace(), strip.layer, m_quantity, strip.unit)
                                             : naturalRange(m_quantity));
  const QFontMetrics labels(m_labelFont);
  m_gutter = labels.horizontalAdvance(QStringLiteral("unit 000"));
  m_labels.clear();
  for (int k = 0; k < int(m_strips.size()); ++k) {
    m_labels.push_back(stripLabel(k));
    m_gutter = std::max(m_gutter, labels.horizontalAdvance(m_labels.back()));
  }
  relayout();
  const int cursor = m_session->hasModel() ? m_session->cursor() : -1;
  if (cursor != m_shownCursor) {
    m_shownCursor = cursor;
    ensureVisible(cursor);
  }
  viewport()->update();
  m_legend->update();
}

QColor UnitStripsCanvas::stripColor(int strip, int step) const {
  if (strip < 0 || strip >= int(m_strips.size()) || step < 0 || step >= m_steps)
    return {};
  const UnitStrip &s = m_strips[std::size_t(strip)];
  if (s.layer >= m_session->layers() || s.unit >= m_session->units())
    return {};
  return quantityColor(m_quantity, double(m_session->trace().value(s.layer, m_quantity, step, s.unit)),
                       m_ranges[std::size_t(strip)]);
}

QString UnitStripsCanvas::stripLabel(int strip) const {
  const UnitStrip &s = m_strips[std::size_t(strip)];
  QString label = m_session->layers() > 1 ? tr("L%1 unit %2").arg(s.layer).arg(s.unit) : tr("unit %1").arg(s.unit);
  if (!std::isnan(s.correlation))
    label += QStringLiteral("  r=%1").arg(s.correlation, 0, 'f', 2);
  return label;
}

QString UnitStripsCanvas::cellText(int index) const {
  if (index < 0 || index >= m_layout.cellCount())
    return {};
  return m_layout.isSeries() ? formatSeriesValue(m_layout.value(index)) : m_session->tokenText(m_layout.token(index));
}

int UnitStripsCanvas::layoutWidth(int width) const { return std::max(40, width - textLeft() - kMargin); }

bool UnitStripsCanvas::isBlankLine(const TextLayout &layout, int row) const {
  const int begin = layout.rowBegin(row);
  return !layout.isSeries() && layout.rowEnd(row) == begin + 1 && layout.isNewline(layout.token(begin));
}

int UnitStripsCanvas::textHeight(const TextLayout &layout, int row) const {
  return isBlankLine(layout, row) ? 0 : int(std::lround(layout.rowHeight()));
}

std::vector<int> UnitStripsCanvas::lineTops(const TextLayout &layout) const {
  std::vector<int> tops(std::size_t(layout.rowCount()) + 1, kMargin);
  for (int row = 0; row < layout.rowCount(); ++row) {
    const bool empty = layout.rowBegin(row) == layout.rowEnd(row); // after a final newline: nothing yet
    tops[std::size_t(row) + 1] =
        tops[std::size_t(row)] + (empty ? 0 : textHeight(layout, row) + stripsHeight() + kBandGap);
  }
  return tops;
}

void UnitStripsCanvas::relayout() {
  m_layout.setWidth(layoutWidth(viewport()->width()));
  m_lineTops = lineTops(m_layout);
  updateScrollRange();
}

int UnitStripsCanvas::lineAt(int contentY) const {
  const auto it = std::upper_bound(m_lineTops.begin(), m_lineTops.end(), contentY);
  const int row = int(it - m_lineTops.begin()) - 1;
  return row >= 0 && row < m_layout.rowCount() ? row : -1;
}

QRect UnitStripsCanvas::characterRect(int index) const {
  const QRect cell = m_layout.cellRect(index);
  if (cell.isNull() || m_lineTops.size() != std::size_t(m_layout.rowCount()) + 1)
    return {};
  const int row = m_layout.rowOf(index);
  // A blank line has no text row: its newline's cell is the column of its strips.
  const int height = isBlankLine(m_layout, row) ? std::max(1, stripsHeight()) : textHeight(m_layout, row);
  return {textLeft() + cell.left(), m_lineTops[std::size_t(row)] - verticalScrollBar()->value(), cell.width(), height};
}

QRect UnitStripsCanvas::stripRect(int strip, int index) const {
  const QRect cell = characterRect(index);
  if (cell.isNull() || strip < 0 || strip >= int(m_strips.size()))
    return {};
  return {cell.left(), cell.top() + textHeight(m_layout, m_layout.rowOf(index)) + stripTop(strip), cell.width(),
          m_stripHeight};
}

QRect UnitStripsCanvas::labelRect(int strip, int row) const {
  if (row < 0 || row >= m_layout.rowCount() || m_lineTops.size() != std::size_t(m_layout.rowCount()) + 1)
    return {};
  return {kMargin, m_lineTops[std::size_t(row)] - verticalScrollBar()->value() + textHeight(m_layout, row) + stripTop(strip),
          m_gutter, m_stripHeight};
}

int UnitStripsCanvas::stepAt(const QPoint &viewportPos) const {
  const int y = viewportPos.y() + verticalScrollBar()->value();
  const int row = m_layout.cellCount() == 0 ? -1 : lineAt(y);
  if (row < 0 || y - m_lineTops[std::size_t(row)] >= textHeight(m_layout, row) + stripsHeight())
    return -1; // above or below the text, or in the gap between lines
  return m_layout.indexAt(QPoint(viewportPos.x() - textLeft(), m_layout.rowTop(row) + 1));
}

void UnitStripsCanvas::updateScrollRange() {
  const int content = m_lineTops.back() + kMargin;
  const int page = viewport()->height();
  verticalScrollBar()->setRange(0, std::max(0, content - page));
  verticalScrollBar()->setPageStep(page);
  verticalScrollBar()->setSingleStep(int(std::lround(m_layout.rowHeight())) + stripsHeight() + kBandGap);
}

void UnitStripsCanvas::ensureVisible(int index) {
  const QRect cell = characterRect(index);
  if (cell.isNull())
    return;
  const int bottom = cell.top() + textHeight(m_layout, m_layout.rowOf(index)) + stripsHeight() + kBandGap;
  QScrollBar *bar = verticalScrollBar();
  if (cell.top() < 0)
    bar->setValue(bar->value() + cell.top() - kMargin);
  else if (bottom > viewport()->height())
    bar->setValue(bar->value() + bottom - viewport()->height());
}

void UnitStripsCanvas::paintLegend(QPainter &p, int width) const {
  if (m_session->hasModel())
    paintStripsLegend(p, m_quantity, QRect(kMargin, 0, width - 2 * kMargin, m_legendHeight), font(),
                      palette().windowText().color());
}

void UnitStripsCanvas::paintLines(QPainter &p, const TextLayout &layout, const std::vector<int> &tops, int first,
                                  int last, int yOffset) const {
  const QColor readInk = palette().text().color(), unreadInk(150, 150, 150), faintInk(175, 175, 175);
  const QFontMetricsF metrics(layout.font());
  const double baseline = layout.ascentPad() + metrics.ascent();
  const int cursor = m_session->hasModel() ? m_session->cursor() : -1;
  for (int row = first; row < last; ++row) {
    const int top = tops[std::size_t(row)] - yOffset;
    if (layout.rowBegin(row) == layout.rowEnd(row))
      continue; // the empty line after a final newline: nothing to label
    const int textHeight = this->textHeight(layout, row), stripsTop = top + textHeight;
    p.setFont(m_labelFont);
    p.setPen(palette().text().color());
    for (int k = 0; textHeight > 0 && k < int(m_strips.size()); ++k) // a blank line's strips follow the line above
      p.drawText(QRect(kMargin, stripsTop + stripTop(k), m_gutter, m_stripHeight), Qt::AlignRight | Qt::AlignVCenter,
                 m_labels[std::size_t(k)]);
    p.setFont(layout.font());
    for (int index = layout.rowBegin(row), end = layout.rowEnd(row); index < end; ++index) {
      // Edges rounded independently, so neighbouring cells share an edge and strips show no seams.
      const int left = textLeft() + int(std::lround(layout.cellX(index)));
      const int right = textLeft() + int(std::lround(layout.cellX(index) + layout.cellWidth(index)));
      const QRect cell(left, top, std::max(1, right - left), textHeight);
      const bool read = index < m_steps;
      if (index == cursor)
        p.fillRect(cell, kCursorFill);
      for (int k = 0; k < int(m_strips.size()); ++k) {
        const QColor tint = stripColor(k, index);
        p.fillRect(QRect(cell.left(), stripsTop + stripTop(k), cell.width(), m_stripHeight),
                   tint.isValid() ? tint : kUnreadStrip);
      }
      QString glyph;
      if (layout.isSeries())
        glyph = formatSeriesValue(layout.value(index));
      else if (layout.isNewline(layout.token(index)))
        glyph = symbolLabel(U'\n');
      else if (!layout.isBlank(layout.token(index)))
        glyph = m_session->tokenText(layout.token(index));
      if (glyph.isEmpty() || textHeight == 0)
        continue;
      const bool newline = !layout.isSeries() && layout.isNewline(layout.token(index));
      p.setPen(newline ? faintInk : read ? readInk : unreadInk);
      p.drawText(QPointF(cell.left(), top + baseline), glyph);
    }
    if (cursor >= layout.rowBegin(row) && cursor < layout.rowEnd(row)) {
      const int left = textLeft() + int(std::lround(layout.cellX(cursor)));
      const int right = textLeft() + int(std::lround(layout.cellX(cursor) + layout.cellWidth(cursor)));
      p.setPen(QPen(kCursorPen, displayStyle().lineWidth(2.0)));
      p.setBrush(Qt::NoBrush);
      p.drawRect(QRectF(left, top, std::max(1, right - left), std::max(2, textHeight + stripsHeight() - 1))
                     .adjusted(0, 0, -1, -1));
    }
  }
}

void UnitStripsCanvas::paintEvent(QPaintEvent *) {
  QPainter p(viewport());
  p.fillRect(viewport()->rect(), palette().base());
  if (!m_session->hasModel() || m_layout.cellCount() == 0)
    return;
  const int scroll = verticalScrollBar()->value();
  const int first = std::max(0, lineAt(scroll));
  const int bottom = lineAt(scroll + viewport()->height());
  paintLines(p, m_layout, m_lineTops, first, bottom < 0 ? m_layout.rowCount() : bottom + 1, scroll);
}

QSize UnitStripsCanvas::fullSize(int width) const {
  TextLayout layout = m_layout;
  layout.setWidth(layoutWidth(width));
  return {width, m_legendHeight + lineTops(layout).back() + kMargin};
}

void UnitStripsCanvas::paintFull(QPainter &p, int width) const {
  TextLayout layout = m_layout;
  layout.setWidth(layoutWidth(width));
  const QSize size = fullSize(width);
  p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
  paintLegend(p, width);
  p.save();
  p.translate(0, m_legendHeight);
  paintLines(p, layout, lineTops(layout), 0, layout.rowCount(), 0);
  p.restore();
}

void UnitStripsCanvas::resizeEvent(QResizeEvent *event) {
  QAbstractScrollArea::resizeEvent(event);
  const QRect contents = contentsRect();
  m_legend->setGeometry(contents.left(), contents.top(), contents.width(), m_legendHeight);
  relayout();
  ensureVisible(m_shownCursor);
}

bool UnitStripsCanvas::viewportEvent(QEvent *event) {
  if (event->type() == QEvent::ToolTip) {
    const auto *help = static_cast<QHelpEvent *>(event);
    const int index = stepAt(help->pos());
    if (index < 0 || index >= m_steps) {
      QToolTip::hideText();
      return true;
    }
    QString text = tr("step %1: '%2'").arg(index + 1).arg(m_layout.isSeries() ? cellText(index)
                                                                          : m_session->tokenLabel(m_layout.token(index)));
    for (int k = 0; k < int(m_strips.size()); ++k) {
      const UnitStrip &s = m_strips[std::size_t(k)];
      text += QStringLiteral("\n%1: %2 = %3")
                  .arg(stripLabel(k), quantitySymbol(m_quantity))
                  .arg(double(m_session->trace().value(s.layer, m_quantity, index, s.unit)), 0, 'f', 3);
    }
    QToolTip::showText(help->globalPos(), text, viewport(), characterRect(index));
    return true;
  }
  return QAbstractScrollArea::viewportEvent(event);
}

void UnitStripsCanvas::mousePressEvent(QMouseEvent *event) { event->setAccepted(event->button() == Qt::LeftButton); }

void UnitStripsCanvas::mouseReleaseEvent(QMouseEvent *event) {
  if (event->button() != Qt::LeftButton || !m_session->hasModel())
    return QAbstractScrollArea::mouseReleaseEvent(event);
  const QPoint pos = event->position().toPoint();
  if (pos.x() < textLeft()) {
    const int row = lineAt(pos.y() + verticalScrollBar()->value());
    for (int k = 0; row >= 0 && k < int(m_strips.size()); ++k)
      if (labelRect(k, row).contains(pos))
        Q_EMIT labelClicked(k);
    return;
  }
  const int index = stepAt(pos);
  if (index < 0)
    return;
  inspectOrReadTo(*m_session, index);
}

} // namespace lstm
