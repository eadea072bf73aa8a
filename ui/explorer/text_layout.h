#pragma once
// Where TextView's cells lie: a flat array of character cells (left edge and width per character, the first index
// of each row), wrapped greedily to a width and rebuilt only from the first changed character when the tape
// changes. A series tape is a grid of equal cells, wide enough for every value so the grid stays aligned.
// Coordinates are the layout's own: x from the left edge of the text, y from the top of the first row; the view
// adds its margin and scroll offset. No widget: it measures with QFontMetricsF. GUI thread (fonts).
#include <QFont>
#include <QPoint>
#include <QRect>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace lstm {

class Vocabulary;

class TextLayout {
public:
  static constexpr float kValuePadding = 5.0f; // px each side of a value inside its series cell

  TextLayout();

  void setFont(const QFont &font); // forgets every measured width; relayouts everything
  const QFont &font() const { return m_font; }
  double rowHeight() const { return m_rowHeight; }
  double ascentPad() const { return m_ascentPad; } // free space above the glyphs, where a tint is never covered by ink
  bool setWidth(int width);                        // relayouts everything when the width changes; true if it did
  int width() const { return m_width; }

  // A new model: an empty tape of text over `vocabulary` (null: none), or of values when `series`.
  void reset(const Vocabulary *vocabulary, bool series);
  // Takes the text tape tokenAt(0 … n−1), relayouting from its first changed character.
  template <class TokenAt> void syncTokens(int n, TokenAt tokenAt);
  // Takes the series tape valueAt(0 … n−1); a wider value than any before widens every cell.
  template <class ValueAt> void syncValues(int n, ValueAt valueAt);

  bool isSeries() const { return m_series; }
  int cellCount() const { return m_series ? int(m_values.size()) : int(m_tokens.size()); }
  std::int32_t token(int index) const { return m_tokens[std::size_t(index)]; } // text tapes
  double value(int index) const { return m_values[std::size_t(index)]; }       // series tapes
  bool isNewline(std::int32_t token) const { return token == m_newlineToken; }
  bool isBlank(std::int32_t token) const { return token == m_spaceToken || token == m_tabToken; } // nothing to draw

  // Rows: a trailing empty row follows a final newline (and stands for an empty tape).
  int rowCount() const { return int(m_rowStart.size()); }
  int rowBegin(int row) const { return m_rowStart[std::size_t(row)]; }
  int rowEnd(int row) const { return row + 1 < rowCount() ? rowBegin(row + 1) : cellCount(); }
  int rowOf(int index) const;
  int rowTop(int row) const { return int(std::lround(row * m_rowHeight)); }
  double contentHeight() const { return double(m_rowStart.size()) * m_rowHeight; }
  float cellX(int index) const { return m_charX[std::size_t(index)]; }
  float cellWidth(int index) const { return m_charWidth[std::size_t(index)]; }

  QRect cellRect(int index) const;    // the cell of `index`; null outside the tape
  int indexAt(QPoint position) const; // the cell under a point, −1 if none

private:
  void relayoutAll();
  void relayoutFrom(int index); // rows from the one containing `index` (or the one before) to the end
  void relayoutSeriesFrom(int index);
  void valuesChangedFrom(int first);
  float advance(std::int32_t token);
  float valueCellWidth(double value) const;

  QFont m_font;
  double m_rowHeight = 20.0;
  double m_ascentPad = 2.0;
  int m_width = 40;

  std::vector<std::int32_t> m_tokens; // (N) copy of the tape the layout was built for
  std::vector<float> m_charX;         // (N) left edge
  std::vector<float> m_charWidth;     // (N)
  std::vector<int> m_rowStart;        // first index of each row

  std::vector<QString> m_tokenText;       // (V) what a token draws, measured for its advance
  std::vector<float> m_advance;           // (V) per token, < 0 until measured for this font
  std::vector<std::uint8_t> m_breakClass; // (V) per token: where a row may wrap (see text_layout.cpp)
  std::int32_t m_newlineToken = -1, m_tabToken = -1, m_spaceToken = -1;

  bool m_series = false;          // the tape is a series: m_values instead of m_tokens
  std::vector<double> m_values;   // (N) copy of the series tape the layout was built for, original units
  float m_valueCellWidth = -1.0f; // width of every value cell; < 0 until measured for this font and tape
  int m_valuesPerRow = 0;         // cells per row of the last series layout
};

template <class TokenAt> void TextLayout::syncTokens(int n, TokenAt tokenAt) {
  int first = 0;
  const int common = std::min(n, int(m_tokens.size()));
  while (first < common && m_tokens[std::size_t(first)] == tokenAt(first))
    ++first;
  if (first == n && n == int(m_tokens.size()))
    return;
  m_tokens.resize(std::size_t(n));
  for (int k = first; k < n; ++k)
    m_tokens[std::size_t(k)] = tokenAt(k);
  relayoutFrom(first);
}

template <class ValueAt> void TextLayout::syncValues(int n, ValueAt valueAt) {
  int first = 0;
  const int common = std::min(n, int(m_values.size()));
  while (first < common && m_values[std::size_t(first)] == valueAt(first))
    ++first;
  if (first == n && n == int(m_values.size()))
    return;
  m_values.resize(std::size_t(n));
  for (int k = first; k < n; ++k)
    m_values[std::size_t(k)] = valueAt(k);
  valuesChangedFrom(first);
}

} // namespace lstm
