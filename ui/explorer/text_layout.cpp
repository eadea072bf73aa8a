#include "text_layout.h"

#include "explore/tape.h"
#include "step_values.h"

#include <QFontMetricsF>

namespace lstm {

namespace {
constexpr float kMinCharWidth = 3.0f; // zero-width symbols stay clickable
// m_breakClass values: a row may wrap after a space, tab or hyphen; before and after a wide (CJK) character.
enum BreakClass : std::uint8_t { kNoBreak = 0, kBreakAfter = 1, kWide = 2 };

bool isWide(char32_t symbol) { return symbol >= 0x2E80; }
} // namespace

TextLayout::TextLayout() { relayoutAll(); }

void TextLayout::setFont(const QFont &font) {
  m_font = font;
  const QFontMetricsF metrics(m_font);
  m_ascentPad = std::ceil(metrics.height() * 0.12) + 1.0;
  m_rowHeight = std::ceil(metrics.lineSpacing() * 1.15 + 2.0 * m_ascentPad);
  std::fill(m_advance.begin(), m_advance.end(), -1.0f);
  m_valueCellWidth = -1.0f;
  relayoutAll();
}

bool TextLayout::setWidth(int width) {
  if (width == m_width)
    return false;
  m_width = width;
  relayoutAll();
  return true;
}

void TextLayout::reset(const Vocabulary *vocabulary, bool series) {
  const int V = vocabulary ? vocabulary->size() : 0;
  m_tokenText.assign(std::size_t(V), QString());
  m_advance.assign(std::size_t(V), -1.0f);
  m_breakClass.assign(std::size_t(V), kNoBreak);
  m_newlineToken = m_tabToken = m_spaceToken = -1;
  if (V > 0) {
    m_newlineToken = vocabulary->idOf(U'\n');
    m_tabToken = vocabulary->idOf(U'\t');
    m_spaceToken = vocabulary->idOf(U' ');
    for (int id = 0; id < V; ++id) {
      const char32_t symbol = vocabulary->symbol(id);
      m_tokenText[std::size_t(id)] = tokenText(*vocabulary, id);
      if (symbol == U' ' || symbol == U'\t' || symbol == U'-')
        m_breakClass[std::size_t(id)] = kBreakAfter;
      else if (isWide(symbol))
        m_breakClass[std::size_t(id)] = kWide;
    }
  }
  m_tokens.clear();
  m_series = series;
  m_values.clear();
  m_valueCellWidth = -1.0f;
  relayoutAll();
}

float TextLayout::advance(std::int32_t token) {
  float &cached = m_advance[std::size_t(token)];
  if (cached < 0.0f) {
    const QFontMetricsF metrics(m_font);
    if (token == m_newlineToken)
      cached = float(metrics.horizontalAdvance(symbolLabel(U'\n')));
    else if (token == m_tabToken)
      cached = float(4.0 * metrics.horizontalAdvance(QLatin1Char(' ')));
    else
      cached = float(metrics.horizontalAdvance(m_tokenText[std::size_t(token)]));
    cached = std::max(cached, kMinCharWidth);
  }
  return cached;
}

void TextLayout::relayoutAll() {
  m_rowStart.clear();
  relayoutFrom(0);
}

// Greedy wrapping. A row's layout depends only on where it starts and on the characters up to the first one that
// overflows it, which lies at most one row further; so a change at `index` can move rows from the one before its
// row on.
void TextLayout::relayoutFrom(int index) {
  if (m_series)
    return relayoutSeriesFrom(index);
  const int n = int(m_tokens.size());
  int row = m_rowStart.empty() ? 0 : std::max(0, rowOf(std::min(index, n)) - 1);
  int i = row < int(m_rowStart.size()) ? m_rowStart[std::size_t(row)] : 0;
  m_rowStart.resize(std::size_t(row));
  m_charX.resize(std::size_t(n));
  m_charWidth.resize(std::size_t(n));
  const float width = float(m_width);
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
}

float TextLayout::valueCellWidth(double value) const {
  return std::ceil(float(QFontMetricsF(m_font).horizontalAdvance(formatSeriesValue(value))) + 2.0f * kValuePadding);
}

void TextLayout::valuesChangedFrom(int first) {
  if (first == 0 || m_valueCellWidth < 0.0f) {
    m_valueCellWidth = -1.0f; // a new series: the cells may get narrower too
    relayoutAll();
    return;
  }
  // Appended values (writing): only a wider value moves the whole grid.
  float width = m_valueCellWidth;
  for (std::size_t k = std::size_t(first); k < m_values.size(); ++k)
    width = std::max(width, valueCellWidth(m_values[k]));
  if (width > m_valueCellWidth) {
    m_valueCellWidth = width;
    relayoutAll();
  } else {
    relayoutFrom(first);
  }
}

void TextLayout::relayoutSeriesFrom(int index) {
  const int n = int(m_values.size());
  if (m_valueCellWidth < 0.0f) {
    // At least as wide as a typical value, so a series of small integers still gets cells that are easy to hit.
    m_valueCellWidth = valueCellWidth(10.25);
    for (double value : m_values)
      m_valueCellWidth = std::max(m_valueCellWidth, valueCellWidth(value));
    m_valuesPerRow = 0;
  }
  const int perRow = std::max(1, int(float(m_width) / m_valueCellWidth));
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
}

int TextLayout::rowOf(int index) const {
  const auto it = std::upper_bound(m_rowStart.begin(), m_rowStart.end(), index);
  return std::max(0, int(it - m_rowStart.begin()) - 1);
}

QRect TextLayout::cellRect(int index) const {
  if (index < 0 || index >= cellCount())
    return {};
  const int top = rowTop(rowOf(index));
  const int bottom = top + int(std::lround(m_rowHeight));
  // Edges rounded independently, so neighbouring cells share an edge and never overlap.
  const int left = int(std::lround(m_charX[std::size_t(index)]));
  const int right = int(std::lround(m_charX[std::size_t(index)] + m_charWidth[std::size_t(index)]));
  return {left, top, std::max(1, right - left), bottom - top};
}

int TextLayout::indexAt(QPoint position) const {
  if (m_rowStart.empty())
    return -1;
  const int row = int(std::floor(position.y() / m_rowHeight));
  if (row < 0 || row >= rowCount())
    return -1;
  const float x = float(position.x());
  // Last character of the row whose left edge is at or before x.
  const auto first = m_charX.begin() + rowBegin(row), last = m_charX.begin() + rowEnd(row);
  const auto it = std::upper_bound(first, last, x);
  if (it == first)
    return -1;
  const int index = int(it - m_charX.begin()) - 1;
  return x < m_charX[std::size_t(index)] + m_charWidth[std::size_t(index)] ? index : -1;
}

} // namespace lstm
