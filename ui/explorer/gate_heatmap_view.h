#pragma once
// Units × steps colour maps of i, f, g, o, c, h of the selected layer, stacked so they share the step axis.
// Only the visible window of steps and units is loaded, at most about one column per pixel (a column stands for
// `stride` steps and shows the first of them), so 512 units × 20 000 steps cost the same as a screenful.
// Follows the end of the trace until the user pans or zooms; the follow button resumes following.
#include "explore/trace.h"

#include <QRect>
#include <QString>
#include <QWidget>

#include <array>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCPItemStraightLine;
class QCPRange;
class QMouseEvent;
class QResizeEvent;
class QShowEvent;
class QWheelEvent;
class QLabel;
class QToolButton;

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
  bool following() const { return m_following; }
  // Steps currently loaded in the maps (columns, after downsampling).
  int loadedSteps() const { return m_columns; }
  // Value shown for (step, unit) of quantity q (one of kShownQuantities); NaN when that cell is not loaded.
  double cellValue(Quantity q, int step, int unit) const;
  // Small rectangle, in this view's coordinates, around the centre of the cell showing (step, unit); empty
  // when not visible. Valid after a refresh of the shown view.
  QRect cellRect(Quantity q, int step, int unit) const;
  long long refreshCount() const;
  // Intervention runs (unit × consecutive steps) marked in the current window.
  int markedRuns() const { return int(m_runs.size()); }

protected:
  void showEvent(QShowEvent *event) override;
  void resizeEvent(QResizeEvent *event) override;

private:
  struct Cell {
    int rect = -1, step = -1, unit = -1;
  };
  struct Run {
    int unit, first, last; // an intervention on `unit` recorded at steps first…last
  };
  void buildPlot();
  void requestRefresh();
  void refresh();
  void revealCursor();
  void clampUnitRange();
  void loadMaps(int layer);
  void placeRowMarkers(int layer);
  void updateCharTicks();
  void setFollowing(bool on);
  void setRange(int axis, const QCPRange &range); // QCPAxis::AxisType of every map; not a user change
  void onMouseMove(QMouseEvent *event);
  void onMouseRelease(QMouseEvent *event);
  void onMouseWheel(QWheelEvent *event);
  Cell cellAt(const QPointF &plotPos) const;

  ExplorerSession *m_session;
  QCustomPlot *m_plot = nullptr;
  QLabel *m_title = nullptr;
  QToolButton *m_followButton = nullptr;
  RefreshCoalescer *m_refresher = nullptr;
  std::array<QCPAxisRect *, 6> m_rects{};
  std::array<QCPColorMap *, 6> m_maps{};
  std::array<QCPColorScale *, 6> m_scales{};
  std::array<QCPItemStraightLine *, 6> m_cursorLines{};
  std::array<QCPItemRect *, 6> m_selectionFrames{};
  std::vector<QCPItemRect *> m_markers; // pool, 6 per intervention run, reused across refreshes
  std::vector<Run> m_runs;
  bool m_following = true;
  bool m_resetUnits = true;    // show all units at the next refresh (new model)
  bool m_settingRange = false; // ranges being set by the view, not by the user
  int m_lastCursor = -1, m_lastSteps = 0; // at the previous refresh
  QPoint m_pressPos;
  // Loaded window: columns × rows cells; column j shows step m_firstStep + j·m_stepStride, row r unit
  // m_firstUnit + r·m_unitStride.
  int m_firstStep = 0, m_stepStride = 1, m_columns = 0;
  int m_firstUnit = 0, m_unitStride = 1, m_rows = 0;
  int m_visibleFirst = 0, m_visibleLast = -1; // steps in view, before downsampling
  int m_loadedLayer = -1;
};

} // namespace lstm
