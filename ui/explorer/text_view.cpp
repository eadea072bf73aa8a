#include "text_view.h"

#include "character_click.h"
#include "common/display_style.h"
#include "common/quantity_style.h"
#include "common/refresh_coalescer.h"
#include "explorer_session.h"
#include "model/model.h"
#include "step_values.h"
#include "text_view_legend.h"

#include <QHelpEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {
constexpr int kMargin = 6; // left/right/top padding of the text, px
} // namespace

TextView::TextView(ExplorerSession *session, QWidget *parent)
    : QAbstractScrollArea(parent), m_session(session),
      m_coalescer(new RefreshCoalescer(this, [this] { refresh(); })), m_legend(new Legend(session, kMargin, this)) {
  setObjectName(QStringLiteral("textView"));
  viewport()->setObjectName(QStringLiteral("textViewport"));
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_legendHeight = fontMetrics().height() + 8;
  setViewportMargins(0, m_legendHeight, 0, 0);
  viewport()->setMouseTracking(true);
  viewport()->setCursor(Qt::PointingHandCursor);
  QFont textFont = font();
  textFont.setPointSizeF(std::max(12.0, textFont.pointSizeF()));
  m_layout.setFont(textFont);
  setFontPointSize(textFont.pointSizeF());

  const auto request = [this] { m_coalescer->request(); };
  connect(session, &ExplorerSession::modelChanged, this, [this, request] { resetForModel(); request(); });
  connect(session, &ExplorerSession::tapeChanged, this, [this, request] { m_tapeDirty = true; request(); });
  connect(session, &ExplorerSession::traceChanged, this, request);
  connect(session, &ExplorerSession::cursorChanged, this, request);
  connect(session, &ExplorerSession::selectionChanged, this, request);
  connect(session, &ExplorerSession::modeChanged, this, request);
  resetForModel();
  m_coalescer->runNow();
}

TextView::~TextView() = default;

long long TextView::refreshCount() const { return m_coalescer->refreshCount(); }

void TextView::refreshNow() { m_coalescer->runNow(); }

void TextView::setFontPointSize(double points) {
  QFont textFont = m_layout.font();
  textFont.setPointSizeF(std::clamp(points, 4.0, 200.0));
  // Positions come from the summed advances, so glyphs must not kern against their neighbours.
  textFont.setKerning(false);
  m_layout.setFont(textFont);
  std::fill(m_glyphs.begin(), m_glyphs.end(), QStaticText());
  std::fill(m_italicGlyphs.begin(), m_italicGlyphs.end(), QStaticText());
  m_newlineGlyph = QStaticText(symbolLabel(U'\n'));
  m_newlineGlyph.prepare(QTransform(), textFont);
  updateScrollRange();
  viewport()->update();
}

void TextView::resetForModel() {
  const bool hasModel = m_session->hasModel();
  const int V = hasModel ? m_session->model().vocabulary.size() : 0;
  m_glyphs.assign(std::size_t(V), QStaticText());
  m_italicGlyphs.assign(std::size_t(V), QStaticText());
  m_layout.reset(hasModel ? &m_session->model().vocabulary : nullptr, hasModel && m_session->isSeriesTape());
  m_shownCursor = -1;
  m_tapeDirty = true;
  updateScrollRange();
}

const QStaticText &TextView::glyph(std::int32_t token, bool italic) {
  QStaticText &text = (italic ? m_italicGlyphs : m_glyphs)[std::size_t(token)];
  if (text.text().isEmpty()) {
    QFont font = m_layout.font();
    font.setItalic(italic);
    text.setText(m_session->tokenText(token));
    text.setTextFormat(Qt::PlainText);
    text.setPerformanceHint(QStaticText::AggressiveCaching);
    text.prepare(QTransform(), font);
  }
  return text;
}

QColor TextView::writtenColor() { return {25, 95, 210}; }

TextView::CellFormat TextView::cellFormat(int index) const {
  const bool written = m_session->hasModel() && m_session->tapeWritten(index);
  return {written, written, written};
}

void TextView::paintWrittenUnderline(QPainter &p, const QRect &cell) {
  // Under the glyphs, above the next row: two pixels that no tint hides.
  p.fillRect(QRect(cell.left(), cell.bottom() - 2, cell.width(), 2), writtenColor());
}

int TextView::layoutWidth() const { return std::max(40, viewport()->width() - 2 * kMargin); }

void TextView::syncTape() {
  const int n = m_session->hasModel() ? m_session->tapeLength() : 0;
  if (m_layout.isSeries())
    m_layout.syncValues(m_session->isSeriesTape() ? n : 0, [this](int k) { return m_session->tapeValue(k); });
  else
    m_layout.syncTokens(n, [this](int k) { return m_session->tapeToken(k); });
}

int TextView::rowTop(int row) const {
  return kMargin + m_layout.rowTop(row) - verticalScrollBar()->value();
}

void TextView::updateScrollRange() {
  const int content = 2 * kMargin + int(std::ceil(m_layout.contentHeight()));
  const int page = viewport()->height();
  verticalScrollBar()->setRange(0, std::max(0, content - page));
  verticalScrollBar()->setPageStep(page);
  verticalScrollBar()->setSingleStep(int(m_layout.rowHeight()));
}

void TextView::ensureVisible(int index) {
  if (index < 0 || index >= m_layout.cellCount())
    return;
  const QRect cell = characterRect(index);
  const int page = viewport()->height();
  QScrollBar *bar = verticalScrollBar();
  if (cell.top() < 0)
    bar->setValue(bar->value() + cell.top() - kMargin);
  else if (cell.bottom() >= page)
    bar->setValue(bar->value() + cell.bottom() - page + 1 + kMargin);
}

QRect TextView::characterRect(int index) const {
  return m_layout.cellRect(index).translated(kMargin, kMargin - verticalScrollBar()->value());
}

int TextView::stepAt(const QPoint &viewportPos) const {
  return m_layout.indexAt(viewportPos - QPoint(kMargin, kMargin - verticalScrollBar()->value()));
}

QString TextView::cellText(int index) const {
  if (index < 0 || index >= m_layout.cellCount())
    return {};
  return m_layout.isSeries() ? formatSeriesValue(m_layout.value(index)) : m_session->tokenLabel(m_layout.token(index));
}

QString TextView::seriesToolTipHead(int index) const {
  QString head = tr("step %1: %2").arg(index + 1).arg(formatSeriesValue(m_session->tapeValue(index)));
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
  const int pad = int(TextLayout::kValuePadding);
  const CellFormat format = cellFormat(index);
  QFont font = m_layout.font();
  font.setItalic(format.italic);
  p.setFont(font);
  p.drawText(inner.adjusted(pad, 0, -pad, 0), Qt::AlignVCenter | Qt::AlignRight,
             formatSeriesValue(m_layout.value(index)));
  if (format.underlined)
    paintWrittenUnderline(p, inner);
}

QString TextView::toolTipText(int index) const {
  if (!m_session->hasModel() || index < 0 || index >= m_session->tapeLength())
    return {};
  const QString head = m_layout.isSeries()
                           ? seriesToolTipHead(index)
                           : tr("step %1: '%2'").arg(index + 1).arg(m_session->tokenLabel(m_session->tapeToken(index)));
  const int layer = m_session->selectedLayer(), unit = m_session->selectedUnit();
  if (index >= m_session->steps() || layer >= m_session->layers() || unit >= m_session->units())
    return head + QLatin1Char('\n') +
           (m_session->mode() == DriveMode::Read ? tr("not read yet: click to read up to here") : tr("not read yet"));
  const Trace &trace = m_session->trace();
  QString values;
  for (Quantity q : kShownQuantities)
    values += QStringLiteral("%1 %2  ").arg(quantitySymbol(q)).arg(double(trace.value(layer, q, index, unit)), 0, 'f', 3);
  return head + QLatin1Char('\n') + tr("layer %1, unit %2").arg(layer).arg(unit) + QLatin1Char('\n') +
         values.trimmed();
}

void TextView::refresh() {
  m_layout.setWidth(layoutWidth());
  if (m_tapeDirty) {
    m_tapeDirty = false;
    syncTape();
  }
  updateScrollRange();
  const int cursor = m_session->hasModel() ? m_session->cursor() : -1;
  if (cursor != m_shownCursor) {
    m_shownCursor = cursor;
    ensureVisible(cursor);
  }
  viewport()->update();
  m_legend->update();
}

void TextView::paintEvent(QPaintEvent *) {
  QPainter p(viewport());
  p.fillRect(viewport()->rect(), palette().base());
  const int cells = m_layout.cellCount();
  if (!m_session->hasModel() || cells == 0 || m_layout.rowCount() == 0)
    return;
  p.setFont(m_layout.font());
  const int steps = std::min(m_session->steps(), cells);
  const int layer = m_session->selectedLayer(), unit = m_session->selectedUnit();
  const bool tinted = layer < m_session->layers() && unit < m_session->units();
  const Quantity quantity = m_session->selectedQuantity();
  const QuantityRange range = unitRange(m_session->trace(), layer, quantity, unit);
  const QColor unreadInk(150, 150, 150), faintInk(175, 175, 175);
  const int firstRow = std::max(0, int((verticalScrollBar()->value() - kMargin) / m_layout.rowHeight()));
  const int height = viewport()->height();
  const double ascentPad = m_layout.ascentPad();
  for (int row = firstRow; row < m_layout.rowCount() && rowTop(row) < height; ++row) {
    for (int k = m_layout.rowBegin(row), end = m_layout.rowEnd(row); k < end; ++k) {
      const QRect cell = characterRect(k);
      if (m_layout.isSeries()) {
        const QColor tint = k < steps && tinted
                                ? quantityColor(quantity, double(m_session->trace().value(layer, quantity, k, unit)), range)
                                : QColor(Qt::white);
        paintValueCell(p, k, cell, k < steps, tint, k < steps ? inkOn(tint) : unreadInk);
        continue;
      }
      const std::int32_t token = m_layout.token(k);
      QColor ink = unreadInk;
      if (k < steps) {
        QColor tint(Qt::white);
        if (tinted)
          tint = quantityColor(quantity, double(m_session->trace().value(layer, quantity, k, unit)), range);
        p.fillRect(cell.adjusted(0, 0, 0, -1), tint);
        ink = inkOn(tint);
      }
      const CellFormat format = cellFormat(k);
      if (m_layout.isNewline(token)) {
        p.setPen(k < steps ? (ink == Qt::white ? ink : faintInk) : faintInk);
        p.drawStaticText(QPointF(cell.left(), cell.top() + ascentPad), m_newlineGlyph);
      } else if (!m_layout.isBlank(token)) {
        p.setPen(ink);
        p.drawStaticText(QPointF(kMargin + double(m_layout.cellX(k)), cell.top() + ascentPad), glyph(token, format.italic));
      }
      if (format.underlined)
        paintWrittenUnderline(p, cell);
    }
  }
  const int cursor = m_session->cursor();
  if (cursor >= 0 && cursor < cells) {
    p.setPen(QPen(QColor(230, 110, 0), 2.0));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(characterRect(cursor)).adjusted(0, 0, -1, -1));
  }
}

void TextView::resizeEvent(QResizeEvent *event) {
  QAbstractScrollArea::resizeEvent(event);
  const QRect contents = contentsRect();
  m_legend->setGeometry(contents.left(), contents.top(), contents.width(), m_legendHeight);
  m_layout.setWidth(layoutWidth());
  updateScrollRange();
  ensureVisible(m_shownCursor);
}

bool TextView::viewportEvent(QEvent *event) {
  if (event->type() == QEvent::ToolTip) {
    const auto *help = static_cast<QHelpEvent *>(event);
    const int index = stepAt(help->pos());
    if (index >= 0)
      QToolTip::showText(help->globalPos(), toolTipText(index), viewport(), characterRect(index));
    else
      QToolTip::hideText();
    return true;
  }
  return QAbstractScrollArea::viewportEvent(event);
}

void TextView::mousePressEvent(QMouseEvent *event) {
  // Accepted so the release (where the click acts) comes back to this view.
  event->setAccepted(event->button() == Qt::LeftButton);
}

void TextView::mouseReleaseEvent(QMouseEvent *event) {
  if (event->button() != Qt::LeftButton || !m_session->hasModel())
    return QAbstractScrollArea::mouseReleaseEvent(event);
  const int index = stepAt(event->position().toPoint());
  if (index < 0)
    return;
  inspectOrReadTo(*m_session, index);
}

} // namespace lstm
