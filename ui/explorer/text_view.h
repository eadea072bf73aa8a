#pragma once
// The whole tape as flowing text. Characters already read are tinted with the selected quantity of the selected
// unit at the step that read them; characters still to come are grey; the cursor step is outlined. A series
// tape shows as a grid of equal cells instead, one value per step (original units, 4 significant digits),
// tinted the same way.
// Layout is a flat array of character cells (x, width per character, a list of row starts), rebuilt only from
// the first changed character when the tape, the width or the font changes; stepping only repaints. Painting
// touches the visible rows only. GUI thread.
#include <QAbstractScrollArea>
#include <QFont>
#include <QStaticText>

#include <cstdint>
#include <vector>

class QPainter;

namespace lstm {

class ExplorerSession;
class RefreshCoalescer;

class TextView : public QAbstractScrollArea {
  Q_OBJECT
public:
  explicit TextView(ExplorerSession *session, QWidget *parent = nullptr);
  ~TextView() override;

  int stepAt(const QPoint &viewportPos) const;  // tape index under a viewport point, −1 if none
  QRect characterRect(int index) const;         // cell of tape character `index` in viewport coordinates
  void setFontPointSize(double points);         // text size; relayouts everything
  double fontPointSize() const { return m_font.pointSizeF(); }
  QString toolTipText(int index) const;         // the hover text for tape character `index`
  QString cellText(int index) const;            // what cell `index` shows: the value of a series, the symbol of text
  long long refreshCount() const;               // coalesced refreshes run so far
  void refreshNow();                            // runs a pending refresh immediately (tests, exports)

protected:
  void paintEvent(QPaintEvent *event) override;
  void resizeEvent(QResizeEvent *event) override;
  bool viewportEvent(QEvent *event) override;
  void mousePressEvent(QMouseEvent *event) override;
  void mouseReleaseEvent(QMouseEvent *event) override;

private:
  class Legend;

  void refresh();
  void syncTape();              // copies the session's tape, relayouts from the first changed character
  void relayoutFrom(int index); // rows from the one containing `index` (or the one before) to the end
  void relayoutAll();
  int cellCount() const { return m_series ? int(m_values.size()) : int(m_tokens.size()); }
  // Series tapes (text_view_series.cpp): equal cells wide enough for every value, so the grid stays aligned.
  void syncSeries();
  void relayoutSeriesFrom(int index);
  float valueCellWidth(double value) const;
  QString seriesToolTipHead(int index) const;
  void paintValueCell(QPainter &p, int index, const QRect &cell, bool read, const QColor &tint, const QColor &ink);
  void resetForModel();
  float advance(std::int32_t token);
  const QStaticText &glyph(std::int32_t token);
  int rowOf(int index) const;
  int rowTop(int row) const;
  void updateScrollRange();
  void ensureVisible(int index);
  int layoutWidth() const;

  ExplorerSession *m_session;
  RefreshCoalescer *m_coalescer;
  Legend *m_legend;
  QFont m_font;
  int m_legendHeight = 22;
  double m_rowHeight = 20.0;
  double m_ascentPad = 2.0;   // free space above the glyphs, where a tint is never covered by ink

  std::vector<std::int32_t> m_tokens; // (N) copy of the tape the layout was built for
  std::vector<float> m_charX;         // (N) left edge in layout coordinates
  std::vector<float> m_charWidth;     // (N)
  std::vector<int> m_rowStart;        // first index of each row; a trailing empty row after a final '\n'
  int m_layoutWidth = -1;

  std::vector<float> m_advance;          // (V) per token, < 0 until measured for this font
  std::vector<QStaticText> m_glyphs;     // (V) per token, built on first use
  QStaticText m_newlineGlyph;
  std::vector<std::uint8_t> m_breakClass; // (V) per token: where a row may wrap (see text_view.cpp)
  std::int32_t m_newlineToken = -1, m_tabToken = -1, m_spaceToken = -1;

  bool m_series = false;          // the tape is the session's series: m_values instead of m_tokens
  std::vector<double> m_values;   // (N) copy of the series tape the layout was built for, original units
  float m_valueCellWidth = -1.0f; // width of every value cell; < 0 until measured for this font and tape
  int m_valuesPerRow = 0;         // cells per row of the last series layout

  bool m_tapeDirty = true;
  int m_shownCursor = -1;
};

} // namespace lstm
