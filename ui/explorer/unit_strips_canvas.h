#pragma once
// The drawing of UnitStripsView: the tape as flowing text (wrapped by TextLayout), and under each line one thin
// strip per chosen unit, each character's piece tinted with that unit's value of the shown quantity at the step
// that read it (the colour scale of quantity_style.h over the unit's own range, as the text view tints). A gutter
// labels every strip with its unit; a fixed legend above shows the quantity and its scale. The inspected step is
// highlighted through its text cell and its strips; a click on a character inspects its step (or reads up to it),
// a click on a strip's label selects that unit. Painting touches the visible lines only; the same painting draws
// the whole text for the PNG and SVG exports. GUI thread.
#include "common/quantity_style.h"
#include "text_layout.h"

#include <QAbstractScrollArea>

#include <limits>
#include <vector>

class QPainter;

namespace lstm {

class ExplorerSession;
struct Model;

struct UnitStrip {
  int layer = 0;
  int unit = 0;
  double correlation = std::numeric_limits<double>::quiet_NaN(); // with the ranking's feature; NaN when chosen by hand
};

class UnitStripsCanvas : public QAbstractScrollArea {
  Q_OBJECT
public:
  explicit UnitStripsCanvas(ExplorerSession *session, QWidget *parent = nullptr);
  ~UnitStripsCanvas() override;

  ExplorerSession *session() const { return m_session; }
  // Shows `strips` (top to bottom under each line) of the session's selected quantity; re-reads the tape, the
  // trace and the ranges. Call after anything the session announces changed.
  void setStrips(std::vector<UnitStrip> strips);
  const std::vector<UnitStrip> &strips() const { return m_strips; }
  Quantity quantity() const { return m_quantity; }
  QuantityRange stripRange(int strip) const { return m_ranges[std::size_t(strip)]; }
  // Tint of strip `strip` at `step`: the scale's colour of the unit's value there; invalid when not read yet.
  QColor stripColor(int strip, int step) const;
  QString stripLabel(int strip) const;  // "unit 25", "L1 unit 25", with "r = −0.74" when ranked
  QString cellText(int index) const;    // what the text cell of tape entry `index` shows

  // Geometry in viewport coordinates, valid after setStrips (or a resize).
  QRect characterRect(int index) const;       // the text cell of tape entry `index`; null outside the tape
  QRect stripRect(int strip, int index) const; // strip `strip` under tape entry `index`
  QRect labelRect(int strip, int row) const;   // the gutter label of strip `strip` on text line `row`
  int stepAt(const QPoint &viewportPos) const; // tape entry under a point of its text or strips, −1 if none
  int lineCount() const { return m_layout.rowCount(); }
  int lineOf(int index) const { return m_layout.rowOf(index); }
  int lineBegin(int row) const { return m_layout.rowBegin(row); }
  int lineEnd(int row) const { return m_layout.rowEnd(row); }

  // The whole text at `width` logical pixels (legend included), for the exports.
  QSize fullSize(int width) const;
  void paintFull(QPainter &p, int width) const;

Q_SIGNALS:
  void labelClicked(int strip);

protected:
  void paintEvent(QPaintEvent *event) override;
  void resizeEvent(QResizeEvent *event) override;
  void mousePressEvent(QMouseEvent *event) override;
  void mouseReleaseEvent(QMouseEvent *event) override;
  bool viewportEvent(QEvent *event) override;

private:
  class Legend;

  void syncTape();
  int textLeft() const { return m_gutter + 2 * kMargin; }
  int layoutWidth(int width) const;
  // A line holding only a newline (the blank line between paragraphs) shows its strips without a row of text, so
  // fortunes and poems do not spend half the view on empty rows.
  bool isBlankLine(const TextLayout &layout, int row) const;
  int textHeight(const TextLayout &layout, int row) const; // the text row above the strips; 0 on a blank line
  int stripsHeight() const { return int(m_strips.size()) * (m_stripHeight + 1); }
  int stripTop(int strip) const { return strip * (m_stripHeight + 1); } // below the text row
  std::vector<int> lineTops(const TextLayout &layout) const; // (rows + 1) tops from kMargin, the last one the end
  int lineAt(int contentY) const;                             // the line of m_layout at a content y, −1 if none
  void relayout();                                            // after the tape, strips or width changed
  void paintLegend(QPainter &p, int width) const;
  // Lines [first, last) of `layout` with `tops` = lineTops(layout), shifted up by yOffset.
  void paintLines(QPainter &p, const TextLayout &layout, const std::vector<int> &tops, int first, int last,
                  int yOffset) const;
  void updateScrollRange();
  void ensureVisible(int index);

  static constexpr int kMargin = 6;
  static constexpr int kBandGap = 8; // between a line's last strip and the next line's text

  ExplorerSession *m_session;
  Legend *m_legend;
  TextLayout m_layout;
  QFont m_labelFont;
  const Model *m_laidOutModel = nullptr; // the model m_layout's vocabulary belongs to
  std::vector<UnitStrip> m_strips;
  std::vector<QuantityRange> m_ranges; // per strip
  std::vector<int> m_lineTops;         // lineTops(m_layout)
  std::vector<QString> m_labels;       // stripLabel of each strip, composed once per setStrips
  Quantity m_quantity = Quantity::Cell;
  int m_steps = 0;
  int m_stripHeight = 10;
  int m_gutter = 60;
  int m_legendHeight = 22;
  int m_shownCursor = -1;
};

} // namespace lstm
