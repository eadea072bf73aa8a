#pragma once
// The plot of GateHeatmapView: one rows × steps colour map per entry of kShownQuantities, stacked top to bottom
// with their colour scales, sharing the step axis (under a StepWindow) and the row range; a frame on the selected
// unit's row and hatched intervention markers. Row r shows a unit the view chose (setRowUnits); the unit axis is
// labelled with the units, not the rows. Keeps the maps equally tall and their tick labels fitting whatever
// the height. It draws what it is given; the view loads the maps' cells. In single-map mode (presentation) only one
// map and its scale are laid out, filling the plot; the others keep their data but are neither drawn nor hit.
// Gradients follow displayStyle() (high contrast while presenting). GUI thread only.
#include "common/step_window.h"

#include <QObject>
#include <QSharedPointer>

#include <array>
#include <vector>

class QCustomPlot;
class QCPAxis;
class QCPAxisRect;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QWidget;

namespace lstm {

class RowUnitTicker;

class GateHeatmapPlot : public QObject {
  Q_OBJECT
public:
  static constexpr int kMaps = 6; // map i shows kShownQuantities[i]

  struct Run {
    int row, first, last; // an intervention on the unit of `row` recorded at steps first…last
  };

  // Creates the plot widget (objectName "heatmapPlot") as a child of `parent`, its step axes under `window`.
  GateHeatmapPlot(QWidget *parent, StepWindow *window);
  QCustomPlot *widget() const { return m_plot; }
  const std::array<QCPAxisRect *, kMaps> &rects() const { return m_rects; }
  const std::array<QCPColorMap *, kMaps> &maps() const { return m_maps; }
  const std::array<QCPColorScale *, kMaps> &scales() const { return m_scales; }
  // Rows in view, the same in every map.
  IndexRange unitRange() const;
  // Shows these rows in every map; not a user change (no unitRangeChanged).
  void setUnitRange(IndexRange range);
  // Unit of each row, for the unit axis's labels (entry r: row r); empty: row r is unit r.
  void setRowUnits(const std::vector<int> &units);
  // Frames `row` across every map; −1 hides the frames.
  void setSelectedRow(int row);
  // Marks these runs on every map, reusing the markers of earlier calls.
  void setMarkedRuns(const std::vector<Run> &runs);
  // Lays out only map `index` (0 … kMaps−1), or all of them for −1.
  void setSingleMap(int index);
  int singleMap() const { return m_single; }          // −1: all maps shown
  bool isShown(int index) const { return m_single < 0 || m_single == index; }
  QCPAxisRect *topRect() const;                       // the top shown map: it carries the character axis
  QCPAxis *characterAxis() const;                     // top axis of topRect(); its ticker is a QCPAxisTickerText
  void layoutNow();                                   // sizes the maps for the widget's current size, now
  void retranslateUi();                               // axis labels in the current language
  void applyDisplayStyle();                           // gradients, frame widths for the current displayStyle()

Q_SIGNALS:
  void unitRangeChanged(); // the user panned or zoomed the units; every map already shows the new range

private:
  void build(StepWindow *window);
  void arrange();     // puts the shown maps into the layout grid, one row each
  void hideStrays();  // items clipped to a map that is not laid out would draw at its stale place
  void onLayout();
  bool updateTicks(); // tick density for the maps' height, scale ticks at the ends; true when they changed

  QCustomPlot *m_plot = nullptr;
  QSharedPointer<RowUnitTicker> m_unitTicks; // shared by the unit axes
  std::array<QCPAxisRect *, kMaps> m_rects{};
  std::array<QCPColorMap *, kMaps> m_maps{};
  std::array<QCPColorScale *, kMaps> m_scales{};
  std::array<QCPItemRect *, kMaps> m_selectionFrames{};
  std::vector<QCPItemRect *> m_markers; // pool, kMaps per run, grown on demand
  bool m_settingRange = false;          // unit ranges being set by the plot, not by the user
  int m_single = -1;
};

} // namespace lstm
