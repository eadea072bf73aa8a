#pragma once
// Units × steps colour maps of i, f, g, o, c, h of the selected layer, stacked so they share the step axis.
// Only the visible window of steps and rows is loaded, at most about one column per pixel (a column stands for
// `stride` steps and shows the first of them), so 512 units × 20 000 steps cost the same as a screenful.
// Rows are at least 3 px tall and ordered as HeatmapRows says (by index, variance, the discovery feature,
// similarity, or the traced units only); big layers scroll: the wheel scrolls the rows when they do not all fit
// (else it zooms the steps), Ctrl+wheel zooms the rows, Shift+wheel the steps.
// Follows the end of the trace until the user pans or zooms; the follow button resumes following. The inspected
// step is a highlighted column in every map.
// Colours: the natural range of each gate and of h; for c, ± the 99th percentile of |c| over the steps in view
// and every row of the order (not only the rows scrolled to, and never depending on pixels), so a few runaway
// cells saturate instead of washing out every other row (the scale's tooltip says so).
// In presentation (displayStyle().presentation()) only the selected quantity's map is shown, filling the view
// (the cell state's when a pre-activation is selected); all six come back when it ends.
#include "common/step_window.h"
#include "explore/colour_limit.h"
#include "explore/trace.h"
#include "gate_heatmap_plot.h"
#include "heatmap_rows.h"

#include <QRect>
#include <QString>
#include <QWidget>

#include <utility>
#include <vector>

class QCustomPlot;
class QMouseEvent;
class QResizeEvent;
class QShowEvent;
class QWheelEvent;
class QLabel;

namespace lstm {

class ExplorerSession;
class RefreshCoalescer;

class GateHeatmapView : public QWidget {
  Q_OBJECT
public:
  explicit GateHeatmapView(ExplorerSession *session, QWidget *parent = nullptr);
  ~GateHeatmapView() override;

  // Saves the plot as PNG or PDF (by extension); false with "<path>: <problem>" in `error`.
  bool exportImage(const QString &path, QString *error);
  // Rebuilds and replots at once instead of at the next coalesced refresh (tests, exports).
  void refreshNow();
  bool following() const { return m_window->following(); }
  // Steps currently loaded in the maps (columns, after downsampling).
  int loadedSteps() const { return m_steps.count; }
  int loadedUnits() const { return m_units.count; } // rows, after downsampling
  // Where the order "by the discovery feature" gets its feature (MainWindow: the Unit discovery panel's).
  void setFeatureSource(HeatmapRows::FeatureSource source);
  void onFeatureChanged(); // the source's feature changed: reorders
  // Unit of each row, top to bottom, under the current order (all rows, not only those in view).
  const std::vector<int> &rowUnits() const { return m_rows->units(); }
  // Height of a row in pixels.
  double rowPixels() const;
  // Value shown for (step, unit) of quantity q (one of kShownQuantities); NaN when that cell is not loaded.
  double cellValue(Quantity q, int step, int unit) const;
  // Small rectangle, in this view's coordinates, around the centre of the cell showing (step, unit); empty
  // when not visible. Valid after a refresh of the shown view.
  QRect cellRect(Quantity q, int step, int unit) const;
  long long refreshCount() const;
  // Intervention runs (unit × consecutive steps) marked in the current window.
  int markedRuns() const { return int(m_runs.size()); }
  // Values mapped to the two ends of the colour scale of q (one of kShownQuantities). Fixed for the gates and h;
  // for c ± the 99th percentile of |c| over the steps in view and every row, at least 1 (larger values saturate).
  std::pair<double, double> colourRange(Quantity q) const;
  // Text explaining the colour scale of q, shown as its tooltip ("c, clipped at ±X: …" for c).
  QString colourScaleToolTip(Quantity q) const;
  int shownMapCount() const; // maps laid out: 6, or 1 in presentation
  bool isMapShown(Quantity q) const; // q's map is laid out (false for quantities not in kShownQuantities)
  QString title() const;     // the header line above the maps

protected:
  void changeEvent(QEvent *event) override;
  void showEvent(QShowEvent *event) override;
  void resizeEvent(QResizeEvent *event) override;

private:
  struct Cell {
    int rect = -1, step = -1, unit = -1;
  };
  void retranslateUi();
  void requestRefresh();
  void refresh();
  void clampUnitRange();
  void loadMaps(int layer);
  void placeRowMarkers(int layer);
  void updateCharTicks();
  void onMouseMove(QMouseEvent *event);
  void onMouseRelease(QMouseEvent *event);
  void onMouseWheel(QWheelEvent *event);
  Cell cellAt(const QPointF &plotPos) const;

  ExplorerSession *m_session;
  GateHeatmapPlot *m_heatmap = nullptr;
  HeatmapRows *m_rows = nullptr;
  QCustomPlot *m_plot = nullptr; // m_heatmap's widget
  QLabel *m_title = nullptr;
  RefreshCoalescer *m_refresher = nullptr;
  std::vector<GateHeatmapPlot::Run> m_runs;
  StepWindow *m_window = nullptr;
  bool m_resetUnits = true; // show all units at the next refresh (new model)
  QPoint m_pressPos;
  // Loaded window: column j shows step m_steps.indexAt(j), row r unit m_units.indexAt(r).
  Buckets m_steps, m_units;
  int m_visibleFirst = 0, m_visibleLast = -1; // steps in view, before downsampling
  int m_loadedLayer = -1;
  double m_cellLimit = 1.0;        // c colour scale is ±this
  ColourLimit m_colourLimit;
  long long m_generation = 0;      // counts changes of the trace's values
};

} // namespace lstm
