#pragma once
// Line plots over steps of one quantity for the traced units of the selected layer (session->tracedUnits()),
// one graph per unit. Like the heatmap it loads only the visible steps, at most two points per pixel column
// (the minimum and maximum of each bucket, so spikes survive), and follows the end until the user pans or zooms.
#include "explore/trace.h"

#include <QList>
#include <QRect>
#include <QString>
#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QCPGraph;
class QMouseEvent;
class QPushButton;
class QResizeEvent;
class QShowEvent;
class QSpinBox;

namespace lstm {

class ExplorerSession;
class RefreshCoalescer;
class StepWindow;

class UnitTraceView : public QWidget {
  Q_OBJECT
public:
  explicit UnitTraceView(ExplorerSession *session, QWidget *parent = nullptr);
  ~UnitTraceView() override;

  // Saves the plot as PNG or PDF (by extension); false with "<path>: <problem>" in `error`.
  bool exportImage(const QString &path, QString *error);
  // Rebuilds and replots at once instead of at the next coalesced refresh (tests, exports).
  void refreshNow();
  int graphCount() const;
  // Unit of each graph, in legend order.
  QList<int> shownUnits() const { return m_graphUnits; }
  Quantity quantity() const { return m_quantity; }
  bool following() const;
  // Points loaded in the graph of `unit` (0 when it has none): at most two per pixel column.
  int loadedPoints(int unit) const;
  // Value plotted for `unit` at exactly `step`; NaN when that step is not a loaded point.
  double shownValue(int unit, int step) const;
  // Small rectangle, in this view's coordinates, on the vertical line of `step` in the plot; empty when out of
  // view. Valid after a refresh of the shown view.
  QRect stepRect(int step) const;
  long long refreshCount() const;

protected:
  void showEvent(QShowEvent *event) override;
  void changeEvent(QEvent *event) override;
  void resizeEvent(QResizeEvent *event) override;

private:
  void retranslateUi();
  void requestRefresh();
  void refresh();
  void loadGraphs(int layer);
  void syncGraphs();
  void onMouseRelease(QMouseEvent *event);
  void removeUnit();

  ExplorerSession *m_session;
  QCustomPlot *m_plot = nullptr;
  QComboBox *m_quantityCombo = nullptr;
  QSpinBox *m_addSpin = nullptr;
  QPushButton *m_addButton = nullptr;
  QPushButton *m_removeButton = nullptr;
  StepWindow *m_window = nullptr;
  RefreshCoalescer *m_refresher = nullptr;
  std::vector<QCPGraph *> m_graphs; // one per traced unit, same order as m_graphUnits
  QList<int> m_graphUnits;
  Quantity m_quantity = Quantity::Cell;
  Quantity m_sessionQuantity = Quantity::Cell; // last seen session->selectedQuantity()
  int m_shownSelection = -1;                   // last seen session->selectedUnit(), put in the add box
  QPoint m_pressPos;
};

} // namespace lstm
