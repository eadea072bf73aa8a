#pragma once
// The rows of GateHeatmapView: which unit each row shows and which rows are in view. Orders: by index, by
// variance, by |r| with the text feature chosen in Unit discovery, clustered so similar units sit together
// (core/explore/unit_order.h), or the traced units only. Rows are at least kMinRowPixels tall: a layer taller than
// the maps scrolls (the scroll bar, the wheel) and zooms (Ctrl+wheel, the − and + buttons). The order box, the
// zoom buttons and the scroll bar are made here for the view's layout. While the trace grows the order is redone
// at most once per kReorderMs, so rows do not jump at every step. GUI thread only.
#include "common/step_window.h"
#include "explore/trace.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <limits>
#include <vector>

class QComboBox;
class QScrollBar;
class QTimer;
class QToolButton;
class QWidget;

namespace lstm {

class ExplorerSession;

class HeatmapRows : public QObject {
  Q_OBJECT
public:
  enum class Order { Index, Variance, Feature, Clustered, Traced }; // the order box's entries, in this order
  static constexpr double kMinRowPixels = 3.0;
  static constexpr int kReorderMs = 1000;
  static constexpr int kWheelRows = 3; // rows scrolled per wheel notch
  // Per-step values of the feature to correlate with (entry s for step s); empty when there is none.
  using FeatureSource = std::function<std::vector<double>()>;

  // The controls are created as children of `parent`.
  HeatmapRows(ExplorerSession *session, QWidget *parent);
  QComboBox *orderBox() const { return m_orderBox; } // objectName "heatmapOrderCombo"
  QToolButton *zoomOutButton() const { return m_zoomOut; } // "heatmapZoomOut"
  QToolButton *zoomInButton() const { return m_zoomIn; }   // "heatmapZoomIn"
  QScrollBar *scrollBar() const { return m_scrollBar; }    // "heatmapScrollBar"; hidden while every row fits
  void setFeatureSource(FeatureSource source);
  Order order() const;
  bool featureMissing() const { return m_featureMissing; } // Feature order without a feature: index order shown
  // The trace, the model or the feature changed: the order is redone at the next update (the growth of the trace
  // at most once per kReorderMs).
  void invalidate(bool traceGrew);
  void retranslateUi();

  // Call once per refresh before reading the rows: redoes the order when due, for `layer` and quantity `q`.
  void update(int layer, Quantity q);
  int count() const { return int(m_units.size()); }
  const std::vector<int> &units() const { return m_units; } // entry r: the unit of row r
  int unitAt(int row) const { return row >= 0 && row < count() ? m_units[std::size_t(row)] : -1; }
  int rowOf(int unit) const; // −1 when no row shows the unit
  // Rows in view for maps `pixels` tall, from `current` (all rows from the top when `reset`): no more than fit at
  // kMinRowPixels or than the user's zoom asked for, inside the rows, moved to where the user scrolled. The
  // scroll bar shows the result.
  IndexRange fit(IndexRange current, double pixels, bool reset);
  // The user zoomed the rows in view to about `rows` of them.
  void setZoom(double rows);
  // Scrolls by `notches` of the wheel (positive: up, towards row 0); false when every row is in view.
  bool scrollByWheel(double notches);

Q_SIGNALS:
  void changed(); // the order, the zoom or the scroll position changed, or a deferred reorder is due: refresh

private:
  void zoomBy(double factor); // > 1 shows fewer, taller rows
  void computeOrder(int layer, Quantity q);

  ExplorerSession *m_session;
  QComboBox *m_orderBox = nullptr;
  QToolButton *m_zoomOut = nullptr, *m_zoomIn = nullptr;
  QScrollBar *m_scrollBar = nullptr;
  QTimer *m_reorderTimer = nullptr;
  FeatureSource m_feature;
  std::vector<int> m_units, m_rowOfUnit;
  bool m_stale = true, m_grew = false, m_featureMissing = false;
  int m_layer = -1;
  Quantity m_quantity = Quantity::Cell;
  Order m_computed = Order::Index;
  QElapsedTimer m_sinceReorder;
  double m_wantedRows = std::numeric_limits<double>::infinity(); // the user's zoom; all that fit by default
  double m_shownRows = 0.0;  // rows in view at the last fit
  int m_scrollTo = -1;       // first row the user scrolled to, applied at the next fit
};

} // namespace lstm
