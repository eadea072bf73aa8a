#include "text_view.h"

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
constexpr int kMargin = 6;       // left/right/top padding of the text, px
constexpr float kMinCharWidth = 3.0f; // zero-width symbols stay clickable
// m_breakClass values: a row may wrap after a space or tab; before and after a wide (CJK) character.
enum BreakClass : std::uint8_t { kNoBreak = 0, kBreakAfter = 1, kWide = 2 };

bool isWide(char32_t symbol) { return symbol >= 0x2E80; }
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
  m_font = font();
  m_font.setPointSizeF(std::max(12.0, m_font.pointSizeF()));
  setFontPointSize(m_font.pointSizeF());

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
  m_font.setPointSizeF(std::clamp(points, 4.0, 200.0));
  // Positions come from the summed advances, so glyphs must not kern against their neighbours.
  m_font.setKerning(false);
  const QFontMetricsF metrics(m_font);
  m_ascentPad = std::ceil(metrics.height() * 0.12) + 1.0;
  m_rowHeight = std::ceil(metrics.lineSpacing() * 1.15 + 2.0 * m_ascentPad);
  std::fill(m_advance.begin(), m_advance.end(), -1.0f);
  std::fill(m_glyphs.begin(), m_glyphs.end(), QStaticText());
  m_newlineGlyph = QStaticText(symbolLabel(U'\n'));
  m_newlineGlyph.prepare(QTransform(), m_font);
  m_valueCellWidth = -1.0f;
  relayoutAll();
  viewport()->update();
}

void TextView::resetForModel() {
  const int V = m_session->hasModel() ? m_session->model().vocabulary.size() : 0;
  m_advance.assign(std::size_t(V), -1.0f);
  m_glyphs.assign(std::size_t(V), QStaticText());
  m_breakClass.assign(std::size_t(V), kNoBreak);
  m_newlineToken = m_tabToken = m_spaceToken = -1;
  if (V > 0) {
    const Vocabulary &vocabulary = m_session->model().vocabulary;
    m_newlineToken = vocabulary.idOf(U'\n');
    m_tabToken = vocabulary.idOf(U'\t');
    m_spaceToken = vocabulary.idOf(U' ');
    for (int id = 0; id < V; ++id) {
      const char32_t symbol = vocabulary.symbol(id);
      if (symbol == U' ' || symbol == U'\t' || symbol == U'-')
        m_breakClass[std::size_t(id)] = kBreakAfter;
      else if (isWide(symbol))
        m_breakClass[std::size_t(id)] = kWide;
    }
  }
  m_tokens.clear();
  m_series = m_session->hasModel() && m_session->isSeriesTape();
  m_values.clear();
  m_valueCellWidth = -1.0f;
  m_shownCursor = -1;
  m_tapeDirty = true;
  relayoutAll();
}

float TextView::advance(std::int32_t token) {
  float &cached = m_advance[std::size_t(token)];
  if (cached < 0.0f) {
    const QFontMetricsF metrics(m_font);
    if (token == m_newlineToken)
      cached = float(metrics.horizontalAdvance(symbolLabel(U'\n')));
    else if (token == m_tabToken)
      cached = float(4.0 * metrics.horizontalAdvance(QLatin1Char(' ')));
    else
      cached = float(metrics.horizontalAdvance(m_session->tokenText(token)));
    cached = std::max(cached, kMinCharWidth);
  }
  return cached;
}

const QStaticText &TextView::glyph(std::int32_t token) {
  QStaticText &text = m_glyphs[std::size_t(token)];
  if (text.text().isEmpty()) {
    text.setText(m_session->tokenText(token));
    text.setTextFormat(Qt::PlainText);
    text.setPerformanceHint(QStaticText::AggressiveCaching);
    text.prepare(QTransform(), m_font);
  }
  return text;
}

int TextView::layoutWidth() const { return std::max(40, viewport()->width() - 2 * kMargin); }

void TextView::syncTape() {
  if (m_series)
    return syncSeries();
  const int n = m_session->hasModel() ? m_session->tapeLength() : 0;
  int first = 0;
  const int common = std::min(n, int(m_tokens.size()));
  while (first < common && m_tokens[std::size_t(first)] == m_session->tapeToken(first))
    ++first;
  if (first == n && n == int(m_tokens.size()))
    return;
  m_tokens.resize(std::size_t(n));
  for (int k = first; k < n; ++k)
    m_tokens[std::size_t(k)] = m_session->tapeToken(k);
  relayoutFrom(first);
}

void TextView::relayoutAll() {
  m_rowStart.clear();
  relayoutFrom(0);
}

// Greedy wrapping. A row's layout depends only on where it starts and on the characters up to the first one that
// overflows it, which lies at most one row further; so a change at `index` can move rows from the one before its
// row on.
void TextView::relayoutFrom(int index) {
  m_layoutWidth = layoutWidth();
  if (m_series)
    return relayoutSeriesFrom(index);
  const int n = int(m_tokens.size());
  int row = m_rowStart.empty() ? 0 : std::max(0, rowOf(std::min(index, n)) - 1);
  int i = row < int(m_rowStart.size()) ? m_rowStart[std::size_t(row)] : 0;
  m_rowStart.resize(std::size_t(row));
  m_charX.resize(std::size_t(n));
  m_charWidth.resize(std::size_t(n));
  const float width = float(m_layoutWidth);
  while (i < n) {
    m_rowStart.push_back(i);
    float x = 0.0f;
    int breakAt = -1; // the row may end just before this index
    int j = i;
    for (; j < n; ++j) {
      const std::int32_t token = m_tokens[std::size_t(j)];
      const std::uint8_t breakClass = m_breakClass[std::size_t(token)];
      float w = advance(token);
      if (breakClass == kWide && j > i)
        breakAt = j;
      const bool newline = token == m_newlineToken;
      if (x + w > width && j > i) {
        if (newline || token == m_spaceToken) {
          // Squeezed into what is left, so the row still ends here instead of starting with a blank.
          w = std::max(0.0f, width - x);
        } else {
          if (breakAt > i)
            j = breakAt;
          break;
        }
      }
      m_charX[std::size_t(j)] = x;
      m_charWidth[std::size_t(j)] = w;
      x += w;
      if (newline) {
        ++j;
        break;
      }
      if (breakClass != kNoBreak)
        breakAt = j + 1;
      if (x >= width && token == m_spaceToken) {
        ++j;
        break;
      }
    }
    i = j;
  }
  if (n == 0 || m_tokens.back() == m_newlineToken)
    m_rowStart.push_back(n); // the empty line the next character will start
  updateScrollRange();
}

int TextView::rowOf(int index) const {
  const auto it = std::upper_bound(m_rowStart.begin(), m_rowStart.end(), index);
  return std::max(0, int(it - m_rowStart.begin()) - 1);
}

int TextView::rowTop(int row) const {
  return kMargin + int(std::lround(row * m_rowHeight)) - verticalScrollBar()->value();
}

void TextView::updateScrollRange() {
  const int content = 2 * kMargin + int(std::ceil(double(m_rowStart.size()) * m_rowHeight));
  const int page = viewport()->height();
  verticalScrollBar()->setRange(0, std::max(0, content - page));
  verticalScrollBar()->setPageStep(page);
  verticalScrollBar()->setSingleStep(int(m_rowHeight));
}

void TextView::ensureVisible(int index) {
  if (index < 0 || index >= cellCount())
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
  if (index < 0 || index >= cellCount())
    return {};
  const int top = rowTop(rowOf(index));
  const int bottom = top + int(std::lround(m_rowHeight));
  // Edges rounded independently, so neighbouring cells share an edge and never overlap.
  const int left = kMargin + int(std::lround(m_charX[std::size_t(index)]));
  const int right = kMargin + int(std::lround(m_charX[std::size_t(index)] + m_charWidth[std::size_t(index)]));
  return {left, top, std::max(1, right - left), bottom - top};
}

int TextView::stepAt(const QPoint &viewportPos) const {
  if (m_rowStart.empty())
    return -1;
  const int row = int(std::floor((viewportPos.y() - kMargin + verticalScrollBar()->value()) / m_rowHeight));
  if (row < 0 || row >= int(m_rowStart.size()))
    return -1;
  const int begin = m_rowStart[std::size_t(row)];
  const int end = row + 1 < int(m_rowStart.size()) ? m_rowStart[std::size_t(row + 1)] : cellCount();
  const float x = float(viewportPos.x() - kMargin);
  // Last character of the row whose left edge is at or before x.
  const auto first = m_charX.begin() + begin, last = m_charX.begin() + end;
  const auto it = std::upper_bound(first, last, x);
  if (it == first)
    return -1;
  const int index = int(it - m_charX.begin()) - 1;
  return x < m_charX[std::size_t(index)] + m_charWidth[std::size_t(index)] ? index : -1;
}

QString TextView::cellText(int index) const {
  if (index < 0 || index >= cellCount())
    return {};
  return m_series ? formatSeriesValue(m_values[std::size_t(index)]) : m_session->tokenLabel(m_tokens[std::size_t(index)]);
}

QString TextView::toolTipText(int index) const {
  if (!m_session->hasModel() || index < 0 || index >= m_session->tapeLength())
    return {};
  const QString head = m_series ? seriesToolTipHead(index)
                                : tr("step %1: '%2'").arg(index).arg(m_session->tokenLabel(m_session->tapeToken(index)));
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
  if (m_tapeDirty) {
    m_tapeDirty = false;
    syncTape();
  }
  if (layoutWidth() != m_layoutWidth)
    relayoutAll();
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
  if (!m_session->hasModel() || cellCount() == 0 || m_rowStart.empty())
    return;
  p.setFont(m_font);
  const int steps = std::min(m_session->steps(), cellCount());
  const int layer = m_session->selectedLayer(), unit = m_session->selectedUnit();
  const bool tinted = layer < m_session->layers() && unit < m_session->units();
  const Quantity quantity = m_session->selectedQuantity();
  const QuantityRange range = unitRange(m_session->trace(), layer, quantity, unit);
  const QColor unreadInk(150, 150, 150), faintInk(175, 175, 175);
  const int firstRow = std::max(0, int((verticalScrollBar()->value() - kMargin) / m_rowHeight));
  const int height = viewport()->height();
  const int rows = int(m_rowStart.size());
  for (int row = firstRow; row < rows && rowTop(row) < height; ++row) {
    const int begin = m_rowStart[std::size_t(row)];
    const int end = row + 1 < rows ? m_rowStart[std::size_t(row + 1)] : cellCount();
    for (int k = begin; k < end; ++k) {
      const QRect cell = characterRect(k);
      if (m_series) {
        const QColor tint = k < steps && tinted
                                ? quantityColor(quantity, double(m_session->trace().value(layer, quantity, k, unit)), range)
                                : QColor(Qt::white);
        paintValueCell(p, k, cell, k < steps, tint, k < steps ? inkOn(tint) : unreadInk);
        continue;
      }
      const std::int32_t token = m_tokens[std::size_t(k)];
      QColor ink = unreadInk;
      if (k < steps) {
        QColor tint(Qt::white);
        if (tinted)
          tint = quantityColor(quantity, double(m_session->trace().value(layer, quantity, k, unit)), range);
        p.fillRect(cell.adjusted(0, 0, 0, -1), tint);
        ink = inkOn(tint);
      }
      if (token == m_newlineToken) {
        p.setPen(k < steps ? (ink == Qt::white ? ink : faintInk) : faintInk);
        p.drawStaticText(QPointF(cell.left(), cell.top() + m_ascentPad), m_newlineGlyph);
      } else if (token != m_spaceToken && token != m_tabToken) {
        p.setPen(ink);
        p.drawStaticText(QPointF(kMargin + double(m_charX[std::size_t(k)]), cell.top() + m_ascentPad), glyph(token));
      }
    }
  }
  const int cursor = m_session->cursor();
  if (cursor >= 0 && cursor < cellCount()) {
    p.setPen(QPen(QColor(230, 110, 0), 2.0));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(characterRect(cursor)).adjusted(0, 0, -1, -1));
  }
}

void TextView::resizeEvent(QResizeEvent *event) {
  QAbstractScrollArea::resizeEvent(event);
  const QRect contents = contentsRect();
  m_legend->setGeometry(contents.left(), contents.top(), contents.width(), m_legendHeight);
  if (layoutWidth() != m_layoutWidth)
    relayoutAll();
  else
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
  if (index < m_session->steps())
    m_session->setCursor(index);
  else if (m_session->mode() == DriveMode::Read)
    m_session->runTo(index + 1);
}

} // namespace lstm
