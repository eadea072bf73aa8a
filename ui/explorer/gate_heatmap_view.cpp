#include "gate_heatmap_view.h"

#include "common/plot_export.h"
#include "common/quantity_style.h"
#include "common/refresh_coalescer.h"
#include "explorer_session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

// qcustomplot.h spells `signals` and `foreach`, which QT_NO_KEYWORDS removes.
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef signals

#include <algorithm>
#include <cmath>
#include <limits>

namespace lstm {

namespace {
constexpr int kRects = 6;
constexpr int kFollowSteps = 200;   // steps shown while following the end
constexpr int kMaxMarkedRuns = 64;  // intervention runs drawn per refresh
constexpr int kCharTickPixels = 9;  // characters on the top axis once each step is at least this wide
const QColor kCursorColor(20, 20, 20);
const QColor kMarkerColor(200, 0, 160);

int shownIndex(Quantity q) {
  for (int i = 0; i < kRects; ++i)
    if (kShownQuantities[i] == q)
      return i;
  return -1;
}

// The same colours as quantityColor: it is piecewise linear in RGB with its only knee at the middle.
QCPColorGradient gradientFor(Quantity q) {
  QCPColorGradient gradient;
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);
  gradient.setLevelCount(256);
  gradient.setNanHandling(QCPColorGradient::nhNanColor);
  gradient.setNanColor(QColor(230, 230, 230));
  const QuantityRange range = naturalRange(q);
  for (double t : {0.0, 0.5, 1.0})
    gradient.setColorStopAt(t, quantityColor(q, range.low + t * (range.high - range.low), range));
  return gradient;
}

// Key (or value) range of a map whose `cells` columns of `stride` steps start at `first`. A map needs at least
// two cells to have a width, so a single column is stored twice.
QCPRange cellCentres(int first, int cells, int stride) {
  const double low = first - 0.5, high = first + double(cells) * stride - 0.5;
  const double width = (high - low) / std::max(cells, 2);
  return {low + 0.5 * width, high - 0.5 * width};
}

// Window [first, last] of indices whose unit cells intersect `range`, clamped to [0, count); false when empty.
bool visibleWindow(const QCPRange &range, int count, int &first, int &last) {
  first = std::max(0, int(std::floor(range.lower + 0.5)));
  last = std::min(count - 1, int(std::ceil(range.upper - 0.5)));
  return count > 0 && first <= last;
}

// Cell (column or row) of a map whose `count` cells of `stride` start at `first` that shows `index`, or −1.
int bucketOf(int index, int first, int stride, int count) {
  const int bucket = index >= first ? (index - first) / stride : -1;
  return bucket < count ? bucket : -1;
}

void setPositionAxes(QCPItemPosition *position, QCPAxisRect *rect) {
  position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
  position->setAxisRect(rect);
}

// A user's step range, at least a few steps wide; zoomed out past every step (and the follow window) it shows
// them all.
QCPRange clampedStepRange(const QCPRange &range, int steps) {
  const double all = std::max(steps, kFollowSteps);
  if (range.size() > 1.1 * all)
    return {-0.5 - 0.05 * all, all - 0.5 + 0.05 * all};
  const double width = std::max(range.size(), 4.0);
  return {range.center() - 0.5 * width, range.center() + 0.5 * width};
}
} // namespace

GateHeatmapView::GateHeatmapView(ExplorerSession *session, QWidget *parent) : QWidget(parent), m_session(session) {
  setObjectName(QStringLiteral("gateHeatmapView"));
  m_title = new QLabel(this);
  m_followButton = new QToolButton(this);
  m_followButton->setObjectName(QStringLiteral("followButton"));
  m_followButton->setText(tr("Follow"));
  m_followButton->setToolTip(tr("Keep showing the last %1 steps while stepping").arg(kFollowSteps));
  m_followButton->setCheckable(true);
  m_followButton->setChecked(true);
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("heatmapPlot"));
  m_plot->setMouseTracking(true);
  m_plot->setMinimumHeight(6 * 40);

  auto *header = new QHBoxLayout;
  header->addWidget(m_title, 1);
  header->addWidget(m_followButton);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(header);
  layout->addWidget(m_plot, 1);

  m_refresher = new RefreshCoalescer(this, [this] { refresh(); });
  buildPlot();

  connect(m_followButton, &QToolButton::toggled, this, [this](bool on) { setFollowing(on); });
  connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) { m_pressPos = e->position().toPoint(); });
  connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) { onMouseMove(e); });
  connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *e) { onMouseRelease(e); });
  connect(m_plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent *e) { onMouseWheel(e); });
  connect(session, &ExplorerSession::modelChanged, this, [this] {
    m_resetUnits = true;
    setFollowing(true);
    m_refresher->request();
  });
  for (auto signal : {&ExplorerSession::traceChanged, &ExplorerSession::selectionChanged,
                      &ExplorerSession::interventionsChanged, &ExplorerSession::tapeChanged})
    connect(session, signal, m_refresher, [this] { requestRefresh(); });
  connect(session, &ExplorerSession::cursorChanged, m_refresher, [this] { requestRefresh(); });
  m_refresher->request();
}

GateHeatmapView::~GateHeatmapView() = default;

void GateHeatmapView::requestRefresh() {
  // A hidden view (closed or tabbed-away dock) does no work; showEvent catches up.
  if (isVisible())
    m_refresher->request();
}

long long GateHeatmapView::refreshCount() const { return m_refresher->refreshCount(); }

void GateHeatmapView::refreshNow() {
  m_refresher->runNow();
  m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

bool GateHeatmapView::exportImage(const QString &path, QString *error) {
  refreshNow();
  return savePlot(m_plot, path, error);
}

void GateHeatmapView::buildPlot() {
  m_plot->plotLayout()->clear();
  m_plot->plotLayout()->setRowSpacing(4);
  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  auto *columnGroup = new QCPMarginGroup(m_plot), *scaleGroup = new QCPMarginGroup(m_plot);
  QSharedPointer<QCPAxisTickerFixed> stepTicks(new QCPAxisTickerFixed), unitTicks(new QCPAxisTickerFixed);
  for (const auto &ticker : {stepTicks, unitTicks}) {
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  }
  unitTicks->setTickCount(3); // the maps are short in a docked window
  for (int i = 0; i < kRects; ++i) {
    const Quantity q = kShownQuantities[i];
    auto *rect = new QCPAxisRect(m_plot);
    auto *scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(i, 0, rect);
    m_plot->plotLayout()->addElement(i, 1, scale);
    auto *rowGroup = new QCPMarginGroup(m_plot);
    rect->setMarginGroup(QCP::msTop | QCP::msBottom, rowGroup);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, rowGroup);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, columnGroup);
    // Equal bars whatever the width of their tick labels.
    scale->axis()->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, scaleGroup);
    rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    rect->setRangeZoom(Qt::Horizontal);
    QCPAxis *x = rect->axis(QCPAxis::atBottom);
    QCPAxis *y = rect->axis(QCPAxis::atLeft);
    x->setTicker(stepTicks);
    x->setTickLabels(i == kRects - 1);
    if (i == kRects - 1)
      x->setLabel(tr("step"));
    y->setTicker(unitTicks);
    y->setRangeReversed(true); // unit 0 on top, like a table
    y->setLabel(tr("unit"));
    connect(x, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &range) {
      if (m_settingRange)
        return;
      // The user panned or zoomed: keep a sensible width, stop following, show the new window.
      setRange(QCPAxis::atBottom, clampedStepRange(range, m_session->steps()));
      setFollowing(false);
      m_refresher->request();
    });
    connect(y, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &range) {
      if (m_settingRange)
        return;
      setRange(QCPAxis::atLeft, range);
      clampUnitRange();
      m_refresher->request();
    });

    auto *map = new QCPColorMap(x, y);
    map->setInterpolate(false);
    map->setColorScale(scale);
    scale->setGradient(gradientFor(q));
    scale->setDataRange(QCPRange(naturalRange(q).low, naturalRange(q).high));
    scale->setBarWidth(9);
    scale->setRangeDrag(false);
    scale->setRangeZoom(false);
    scale->axis()->setLabel(quantitySymbol(q));
    scale->axis()->ticker()->setTickCount(2);

    auto *cursor = new QCPItemStraightLine(m_plot);
    cursor->setClipAxisRect(rect);
    setPositionAxes(cursor->point1, rect);
    setPositionAxes(cursor->point2, rect);
    cursor->setPen(QPen(kCursorColor, 1.5));
    cursor->setSelectable(false);

    auto *frame = new QCPItemRect(m_plot);
    frame->setClipAxisRect(rect);
    for (QCPItemPosition *corner : {frame->topLeft, frame->bottomRight}) {
      setPositionAxes(corner, rect);
      corner->setTypeX(QCPItemPosition::ptAxisRectRatio); // the selected row spans the whole width
    }
    frame->setPen(QPen(QColor(0, 0, 0), 1.0));
    frame->setSelectable(false);

    m_rects[std::size_t(i)] = rect;
    m_maps[std::size_t(i)] = map;
    m_scales[std::size_t(i)] = scale;
    m_cursorLines[std::size_t(i)] = cursor;
    m_selectionFrames[std::size_t(i)] = frame;
  }
  // Characters of the text along the top of the first map, once they fit.
  QCPAxis *top = m_rects[0]->axis(QCPAxis::atTop);
  top->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerText));
  top->setTickLength(0, 2);
  top->setSubTicks(false);
}

void GateHeatmapView::setFollowing(bool on) {
  const bool changed = on != m_following;
  m_following = on;
  if (m_followButton->isChecked() != on) {
    const QSignalBlocker blocker(m_followButton);
    m_followButton->setChecked(on);
  }
  if (changed && on)
    m_refresher->request();
}

void GateHeatmapView::setRange(int axis, const QCPRange &range) {
  m_settingRange = true;
  for (QCPAxisRect *rect : m_rects)
    rect->axis(QCPAxis::AxisType(axis))->setRange(range);
  if (axis == QCPAxis::atBottom)
    m_rects[0]->axis(QCPAxis::atTop)->setRange(range); // the characters of the text
  m_settingRange = false;
}

void GateHeatmapView::clampUnitRange() {
  const double full = std::max(m_session->units(), 1);
  QCPRange range = m_rects[0]->axis(QCPAxis::atLeft)->range();
  if (m_resetUnits || range.size() > full)
    range = QCPRange(-0.5, full - 0.5);
  m_resetUnits = false;
  const double width = std::max(range.size(), std::min(full, 2.0));
  double low = std::clamp(range.lower, -0.5, full - 0.5 - width);
  setRange(QCPAxis::atLeft, QCPRange(low, low + width));
}

void GateHeatmapView::revealCursor() {
  // A cursor that jumped out of view (a click in another view, the text) is brought into the middle; a step
  // moves the cursor too, but stepping leaves a window the user chose alone.
  const int cursor = m_session->cursor(), steps = m_session->steps();
  const bool jumped = cursor != m_lastCursor && steps == m_lastSteps;
  m_lastCursor = cursor;
  m_lastSteps = steps;
  const QCPRange range = m_rects[0]->axis(QCPAxis::atBottom)->range();
  if (!jumped || cursor < 0 || range.contains(cursor))
    return;
  setFollowing(false);
  setRange(QCPAxis::atBottom, QCPRange(cursor - 0.5 * range.size(), cursor + 0.5 * range.size()));
}

void GateHeatmapView::refresh() {
  const bool empty = !m_session->hasModel() || m_session->steps() == 0;
  if (const int start = std::max(0, m_session->steps() - kFollowSteps); m_following)
    setRange(QCPAxis::atBottom, QCPRange(start - 0.5, start + kFollowSteps - 0.5));
  revealCursor();
  clampUnitRange();
  const int layer = empty ? -1 : std::clamp(m_session->selectedLayer(), 0, m_session->layers() - 1);
  loadMaps(layer);
  const int cursor = m_session->cursor();
  const int unit = m_session->selectedUnit();
  const bool unitShown = !empty && unit >= 0 && unit < m_session->units();
  for (int i = 0; i < kRects; ++i) {
    QCPItemStraightLine *line = m_cursorLines[std::size_t(i)];
    line->setVisible(!empty && cursor >= 0);
    line->point1->setCoords(cursor, 0.0);
    line->point2->setCoords(cursor, 1.0);
    QCPItemRect *frame = m_selectionFrames[std::size_t(i)];
    frame->setVisible(unitShown);
    frame->topLeft->setCoords(0.0, unit - 0.5);
    frame->bottomRight->setCoords(1.0, unit + 0.5);
  }
  placeRowMarkers(layer);
  updateCharTicks();
  if (empty)
    m_title->setText(m_session->hasModel() ? tr("No steps yet") : tr("No model"));
  else if (m_columns == 0)
    m_title->setText(tr("Layer %1: no steps in view").arg(layer));
  else {
    const int last = std::min(m_firstStep + m_columns * m_stepStride - 1, m_session->steps() - 1);
    QString text = tr("Layer %1 · steps %2–%3 of %4").arg(layer).arg(m_firstStep).arg(last).arg(m_session->steps());
    if (m_stepStride > 1)
      text += tr(" · one column per %1 steps").arg(m_stepStride);
    m_title->setText(text);
  }
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GateHeatmapView::loadMaps(int layer) {
  int first = 0, last = -1, firstUnit = 0, lastUnit = -1;
  const bool any = layer >= 0 &&
                   visibleWindow(m_rects[0]->axis(QCPAxis::atBottom)->range(), m_session->steps(), first, last) &&
                   visibleWindow(m_rects[0]->axis(QCPAxis::atLeft)->range(), m_session->units(), firstUnit, lastUnit);
  m_loadedLayer = layer;
  m_visibleFirst = first;
  m_visibleLast = last;
  if (!any) {
    m_columns = m_rows = 0;
    for (QCPColorMap *map : m_maps)
      map->data()->clear();
    return;
  }
  // At most about one column per pixel; buckets start at multiples of the stride so panning keeps them stable.
  const int pixelsWide = std::max(m_rects[0]->width(), 50), pixelsHigh = std::max(m_rects[0]->height(), 20);
  const int stepCount = last - first + 1, unitCount = lastUnit - firstUnit + 1;
  m_stepStride = stepCount > pixelsWide ? (stepCount + pixelsWide - 1) / pixelsWide : 1;
  m_unitStride = unitCount > pixelsHigh ? (unitCount + pixelsHigh - 1) / pixelsHigh : 1;
  m_firstStep = first / m_stepStride * m_stepStride;
  m_firstUnit = firstUnit / m_unitStride * m_unitStride;
  m_columns = (last - m_firstStep) / m_stepStride + 1;
  m_rows = (lastUnit - m_firstUnit) / m_unitStride + 1;
  const int keyCells = std::max(m_columns, 2), valueCells = std::max(m_rows, 2);
  const Trace &trace = m_session->trace();
  const int units = trace.units();
  for (int i = 0; i < kRects; ++i) {
    const Quantity q = kShownQuantities[i];
    QCPColorMapData *cells = m_maps[std::size_t(i)]->data();
    if (cells->keySize() != keyCells || cells->valueSize() != valueCells)
      cells->setSize(keyCells, valueCells);
    cells->setRange(cellCentres(m_firstStep, m_columns, m_stepStride), cellCentres(m_firstUnit, m_rows, m_unitStride));
    const float *values = trace.quantity(layer, q).data();
    double maxAbs = 0.0;
    for (int k = 0; k < keyCells; ++k) {
      const float *row = values + std::size_t(m_firstStep + std::min(k, m_columns - 1) * m_stepStride) * std::size_t(units);
      for (int r = 0; r < valueCells; ++r) {
        const double value = row[m_firstUnit + std::min(r, m_rows - 1) * m_unitStride];
        cells->setCell(k, r, value);
        if (std::isfinite(value))
          maxAbs = std::max(maxAbs, std::abs(value));
      }
    }
    if (q == Quantity::Cell)
      m_scales[std::size_t(i)]->setDataRange(QCPRange(-std::max(1.0, maxAbs), std::max(1.0, maxAbs)));
  }
}

void GateHeatmapView::placeRowMarkers(int layer) {
  // Runs of consecutive visible steps in which the trace records an intervention on a unit of this layer.
  m_runs.clear();
  if (layer >= 0 && m_columns > 0) {
    const Trace &trace = m_session->trace();
    for (int step = m_visibleFirst; step <= m_visibleLast; ++step) {
      for (const Intervention &intervention : trace.interventions(step)) {
        if (intervention.layer != layer)
          continue;
        auto run = std::find_if(m_runs.begin(), m_runs.end(), [&](const Run &r) {
          return r.unit == intervention.unit && r.last >= step - 1;
        });
        if (run != m_runs.end())
          run->last = step;
        else if (int(m_runs.size()) < kMaxMarkedRuns)
          m_runs.push_back({intervention.unit, step, step});
      }
    }
  }
  while (m_markers.size() < m_runs.size() * kRects) {
    for (QCPAxisRect *rect : m_rects) {
      auto *marker = new QCPItemRect(m_plot);
      marker->setClipAxisRect(rect);
      setPositionAxes(marker->topLeft, rect);
      setPositionAxes(marker->bottomRight, rect);
      marker->setPen(QPen(kMarkerColor, 1.5));
      QColor hatch = kMarkerColor;
      hatch.setAlpha(170);
      marker->setBrush(QBrush(hatch, Qt::BDiagPattern));
      marker->setSelectable(false);
      m_markers.push_back(marker);
    }
  }
  for (std::size_t k = 0; k < m_markers.size(); ++k) {
    const bool used = k / kRects < m_runs.size();
    m_markers[k]->setVisible(used);
    if (used) {
      const Run &run = m_runs[k / kRects];
      m_markers[k]->topLeft->setCoords(run.first - 0.5, run.unit - 0.5);
      m_markers[k]->bottomRight->setCoords(run.last + 0.5, run.unit + 0.5);
    }
  }
}

void GateHeatmapView::updateCharTicks() {
  QCPAxis *top = m_rects[0]->axis(QCPAxis::atTop);
  const double pixelsPerStep = m_rects[0]->width() / std::max(top->range().size(), 1.0);
  const bool show = m_session->hasModel() && m_session->model().config.usesTokens() && m_columns > 0 &&
                    m_stepStride == 1 && pixelsPerStep >= kCharTickPixels;
  top->setVisible(show);
  if (!show)
    return;
  auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(top->ticker());
  ticker->clear();
  const Trace &trace = m_session->trace();
  for (int step = m_firstStep; step < m_firstStep + m_columns; ++step)
    ticker->addTick(step, m_session->tokenLabel(trace.token(step)));
}

double GateHeatmapView::cellValue(Quantity q, int step, int unit) const {
  const int index = shownIndex(q);
  const int column = step < m_session->steps() ? bucketOf(step, m_firstStep, m_stepStride, m_columns) : -1;
  const int row = unit < m_session->units() ? bucketOf(unit, m_firstUnit, m_unitStride, m_rows) : -1;
  if (index < 0 || column < 0 || row < 0)
    return std::numeric_limits<double>::quiet_NaN();
  return m_maps[std::size_t(index)]->data()->cell(column, row);
}

QRect GateHeatmapView::cellRect(Quantity q, int step, int unit) const {
  const int index = shownIndex(q);
  if (index < 0)
    return {};
  QCPAxisRect *rect = m_rects[std::size_t(index)];
  const QPoint centre(int(std::lround(rect->axis(QCPAxis::atBottom)->coordToPixel(step))),
                      int(std::lround(rect->axis(QCPAxis::atLeft)->coordToPixel(unit))));
  if (!rect->rect().contains(centre))
    return {};
  return QRect(m_plot->mapTo(this, centre) - QPoint(1, 1), QSize(3, 3));
}

GateHeatmapView::Cell GateHeatmapView::cellAt(const QPointF &position) const {
  if (m_columns == 0)
    return {};
  for (int i = 0; i < kRects; ++i) {
    QCPAxisRect *rect = m_rects[std::size_t(i)];
    if (!rect->rect().contains(position.toPoint()))
      continue;
    const int step = int(std::lround(rect->axis(QCPAxis::atBottom)->pixelToCoord(position.x())));
    const int unit = int(std::lround(rect->axis(QCPAxis::atLeft)->pixelToCoord(position.y())));
    if (step < 0 || step >= m_session->steps() || unit < 0 || unit >= m_session->units())
      return {};
    return {i, step, unit};
  }
  return {};
}

void GateHeatmapView::onMouseRelease(QMouseEvent *event) {
  // A press and release at the same place is a click; anything longer was a drag that panned.
  if (event->button() != Qt::LeftButton || (event->position().toPoint() - m_pressPos).manhattanLength() > 3)
    return;
  const Cell cell = cellAt(event->position());
  if (cell.rect < 0)
    return;
  m_session->selectUnit(m_loadedLayer, cell.unit);
  m_session->setCursor(cell.step);
}

void GateHeatmapView::onMouseMove(QMouseEvent *event) {
  if (event->buttons() != Qt::NoButton)
    return;
  const Cell cell = cellAt(event->position());
  if (cell.rect < 0) {
    QToolTip::hideText();
    return;
  }
  // The exact value of the pointed step, even where the map shows one step per bucket.
  const Quantity q = kShownQuantities[cell.rect];
  const Trace &trace = m_session->trace();
  const QString label = m_session->tokenLabel(trace.token(cell.step)); // empty for dense input
  const QString where = label.isEmpty() ? tr("unit %1, step %2").arg(cell.unit).arg(cell.step)
                                        : tr("unit %1, step %2 '%3'").arg(cell.unit).arg(cell.step).arg(label);
  const QString value = QString::number(trace.value(m_loadedLayer, q, cell.step, cell.unit), 'f', 3);
  QToolTip::showText(m_plot->mapToGlobal(event->position().toPoint()),
                     tr("%1: %2 = %3").arg(where, quantitySymbol(q), value), m_plot);
}

void GateHeatmapView::onMouseWheel(QWheelEvent *event) {
  // The wheel zooms the steps; with Ctrl or Shift it zooms the units.
  const bool units = event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
  for (QCPAxisRect *rect : m_rects)
    rect->setRangeZoom(units ? Qt::Vertical : Qt::Horizontal);
}

void GateHeatmapView::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  m_refresher->request();
}

void GateHeatmapView::resizeEvent(QResizeEvent *event) {
  QWidget::resizeEvent(event);
  m_refresher->request(); // the window holds another number of columns
}

} // namespace lstm
