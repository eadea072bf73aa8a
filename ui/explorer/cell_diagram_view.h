#pragma once
// A painted LSTM cell for the selected unit at the cursor step: x_t, h_{t−1} and c_{t−1} flowing into the four
// gates, the ⊙ and + nodes, the c_t "conveyor belt" along the top, tanh(c_t) and the outputs, each flow coloured
// by quantityColor and as wide as its |value|. Drawn in a fixed logical frame scaled to the widget, fonts too,
// so it reads on a projector; presentation (displayStyle()) thickens the lines and enlarges the fonts a little more.
// Clamped gates and changed cells are outlined dashed with a tag. Every label is a tr() text. GUI thread.
#include "step_values.h"

#include <QWidget>

namespace lstm {

class ExplorerSession;
class RefreshCoalescer;

class CellDiagramView : public QWidget {
  Q_OBJECT
public:
  explicit CellDiagramView(ExplorerSession *session, QWidget *parent = nullptr);
  ~CellDiagramView() override;

  StepValues shownValues() const { return m_values; } // what the last refresh drew (invalid: the hint is shown)
  long long refreshCount() const;                     // coalesced refreshes run so far
  void refreshNow();                                  // runs a pending refresh immediately (tests, exports)
  QSize sizeHint() const override { return {640, 360}; }
  QSize minimumSizeHint() const override { return {250, 140}; }
  // On-screen pixel size of the smallest font a number is painted with (at the widget's current size).
  double smallestNumberPixels() const;

protected:
  void changeEvent(QEvent *event) override;
  void paintEvent(QPaintEvent *event) override;

private:
  void refresh();
  double frameScale() const; // widget pixels per frame unit

  ExplorerSession *m_session;
  RefreshCoalescer *m_coalescer;
  StepValues m_values;
};

} // namespace lstm
