#pragma once
// The whole tape as flowing text. Characters already read are tinted with the selected quantity of the selected
// unit at the step that read them; characters still to come are grey; the cursor step is outlined. A series
// tape shows as a grid of equal cells instead, one value per step (original units, 4 significant digits),
// tinted the same way. What the model wrote (write mode) is italic and underlined in writtenColor(), so it never
// looks like text it was given to read.
// Where the cells lie is TextLayout's job (rebuilt only from the first changed character); stepping only
// repaints. Painting touches the visible rows only. GUI thread.
#include "text_layout.h"

#include <QAbstractScrollArea>
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
  double fontPointSize() const { return m_layout.font().pointSizeF(); }
  QString toolTipText(int index) const;         // the hover text for tape character `index`
  QString cellText(int index) const;            // what cell `index` shows: the value of a series, the symbol of text
  // How cell `index` is drawn beside its tint: written by the model (italic, underlined) or given to read.
  struct CellFormat {
    bool written = false;
    bool italic = false;
    bool underlined = false;
    friend bool operator==(const CellFormat &, const CellFormat &) = default;
  };
  CellFormat cellFormat(int index) const;
  static QColor writtenColor(); // the underline of written text, also in the legend
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
  void syncTape(); // copies the session's tape into the layout
  void resetForModel();
  QString seriesToolTipHead(int index) const;
  void paintValueCell(QPainter &p, int index, const QRect &cell, bool read, const QColor &tint, const QColor &ink);
  const QStaticText &glyph(std::int32_t token, bool italic);
  void paintWrittenUnderline(QPainter &p, const QRect &cell);
  int rowTop(int row) const; // in viewport coordinates
  void updateScrollRange();
  void ensureVisible(int index);
  int layoutWidth() const;

  ExplorerSession *m_session;
  RefreshCoalescer *m_coalescer;
  Legend *m_legend;
  int m_legendHeight = 22;
  TextLayout m_layout;

  std::vector<QStaticText> m_glyphs;        // (V) per token, built on first use for the layout's font
  std::vector<QStaticText> m_italicGlyphs;  // (V) the same in italic, for written text
  QStaticText m_newlineGlyph;

  bool m_tapeDirty = true;
  int m_shownCursor = -1;
};

} // namespace lstm
