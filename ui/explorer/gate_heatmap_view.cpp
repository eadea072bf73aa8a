#include "gate_heatmap_view.h"

#include "common/display_style.h"
#include "common/plot_export.h"
#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"
#include "common/refresh_coalescer.h"
#include "explorer_session.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace lstm {

namespace {
constexpr int kRects = GateHeatmapPlot::kMaps;
constexpr int kMaxMarkedRuns = 64;  // intervention runs drawn per refresh
constexpr int kCharTickPixels = 9;  // characters on the top axis once each step is at least this wide

int shownIndex(Quantity q) {
  const auto it = std::find(std::begin(kShownQuantities), std::end(kShownQuantities), q);
  return it == std::end(kShownQuantities) ? -1 : int(it - std::begin(kShownQuantities));
}

// Key (or value) range of a map whose cells are `buckets`. A map needs at least two cells to have a width, so a
// single bucket is stored twice.
QCPRange cellCentres(const Buckets &buckets) {
  const double low = buckets.start - 0.5, high = buckets.start + double(buckets.count) * buckets.stride - 0.5;
  const double width = (high - low) / std::max(buckets.count, 2);
  return {low + 0.5 * width, high - 0.5 * width};
}

} // namespace

GateHeatmapView::GateHeatmapView(ExplorerSession *session, QWidget *parent) : QWidget(parent), m_session(session) {
  setObjectName(QStringLiteral("gateHeatmapView"));
  m_title = new QLabel(this);
  m_window = new StepWindow(this, [session] { return session->steps(); });
  m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long title must not widen the dock
  m_heatmap = new GateHeatmapPlot(this, m_window);
  m_plot = m_heatmap->widget();
  m_rows = new HeatmapRows(session, this);

  auto *header = new QHBoxLayout;
  header->addWidget(m_title, 1);
  header->addWidget(m_rows->orderBox());
  header->addWidget(m_rows->zoomOutButton());
  header->addWidget(m_rows->zoomInButton());
  header->addWidget(m_window->followButton());
  auto *body = new QHBoxLayout;
  body->setSpacing(0);
  body->addWidget(m_plot, 1);
  body->addWidget(m_rows->scrollBar());
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(header);
  layout->addLayout(body, 1);

  m_refresher = new RefreshCoalescer(this, [this] { refresh(); });

  connect(m_window, &StepWindow::moved, m_refresher, [this] { m_refresher->request(); });
  connect(m_heatmap, &GateHeatmapPlot::unitRangeChanged, m_refresher, [this] {
    m_rows->setZoom(m_heatmap->unitRange().size()); // a pan keeps the size; Ctrl+wheel changes it
    clampUnitRange();
    m_refresher->request();
  });
  connect(m_rows, &HeatmapRows::changed, m_refresher, [this] { m_refresher->request(); });
  connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) { m_pressPos = e->position().toPoint(); });
  connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) { onMouseMove(e); });
  connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *e) { onMouseRelease(e); });
  connect(m_plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent *e) { onMouseWheel(e); });
  connect(session, &ExplorerSession::modelChanged, this, [this] {
    m_resetUnits = true;
    ++m_generation;
    m_rows->invalidate(false);
    m_window->setFollowing(true);
    m_refresher->request();
  });
  connect(session, &ExplorerSession::traceChanged, m_refresher, [this] {
    ++m_generation;
    m_rows->invalidate(true);
    requestRefresh();
  });
  connect(session, &ExplorerSession::tapeChanged, m_refresher, [this] {
    m_rows->invalidate(false); // another text: another feature
    requestRefresh();
  });
  for (auto signal : {&ExplorerSession::selectionChanged, &ExplorerSession::interventionsChanged})
    connect(session, signal, m_refresher, [this] {
      ++m_generation; // interventions rewrite values in place
      requestRefresh();
    });
  connect(session, &ExplorerSession::cursorChanged, m_refresher, [this] { requestRefresh(); });
  connect(&displayStyle(), &DisplayStyle::changed, m_refresher, [this] { requestRefresh(); });
  retranslateUi();
  m_refresher->request();
}

void GateHeatmapView::retranslateUi() {
  m_heatmap->retranslateUi();
  m_rows->retranslateUi();
  m_refresher->request(); // the title is written by refresh
}

void GateHeatmapView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

int GateHeatmapView::shownMapCount() const { return m_heatmap->singleMap() >= 0 ? 1 : kRects; }

bool GateHeatmapView::isMapShown(Quantity q) const {
  const int index = shownIndex(q);
  return index >= 0 && m_heatmap->isShown(index);
}

QString GateHeatmapView::title() const { return m_title->text(); }

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

void GateHeatmapView::setFeatureSource(HeatmapRows::FeatureSource source) {
  m_rows->setFeatureSource(std::move(source));
  m_refresher->request();
}

void GateHeatmapView::onFeatureChanged() {
  m_rows->invalidate(false);
  requestRefresh();
}

double GateHeatmapView::rowPixels() const {
  return m_heatmap->topRect()->height() / std::max(m_heatmap->unitRange().size(), 1e-9);
}

void GateHeatmapView::clampUnitRange() {
  const IndexRange range = m_rows->fit(m_heatmap->unitRange(), m_heatmap->topRect()->height(), m_resetUnits);
  m_resetUnits = false;
  m_heatmap->setUnitRange(range);
}

void GateHeatmapView::refresh() {
  const bool empty = !m_session->hasModel() || m_session->steps() == 0;
  const int selected = shownIndex(m_session->selectedQuantity());
  const int single = displayStyle().presentation() ? (selected >= 0 ? selected : shownIndex(Quantity::Cell)) : -1;
  m_heatmap->setSingleMap(single);
  m_heatmap->layoutNow(); // rows per map follow its height in pixels
  m_window->update(m_session->cursor());
  const int layer = empty ? -1 : std::clamp(m_session->selectedLayer(), 0, m_session->layers() - 1);
  m_rows->update(layer, selected >= 0 ? kShownQuantities[selected] : Quantity::Cell);
  m_heatmap->setRowUnits(m_rows->order() == HeatmapRows::Order::Index ? std::vector<int>{} : m_rows->units());
  clampUnitRange();
  loadMaps(layer);
  m_heatmap->setSelectedRow(empty ? -1 : m_rows->rowOf(m_session->selectedUnit()));
  placeRowMarkers(layer);
  updateCharTicks();
  if (empty)
    m_title->setText(m_session->hasModel() ? tr("No steps yet") : tr("No model"));
  else if (m_rows->count() == 0)
    m_title->setText(tr("No traced units: add one in Unit traces"));
  else if (m_steps.count == 0)
    m_title->setText(tr("Layer %1: no steps in view").arg(layer));
  else {
    const int last = std::min(m_steps.indexAt(m_steps.count) - 1, m_session->steps() - 1);
    QString text = tr("Layer %1 · steps %2–%3 of %4").arg(layer).arg(m_steps.start + 1).arg(last + 1).arg(m_session->steps());
    if (single >= 0)
      text = tr("%1 · %2").arg(quantityName(kShownQuantities[single]), text);
    if (m_steps.stride > 1)
      text += tr(" · one column per %1 steps").arg(m_steps.stride);
    if (m_rows->featureMissing())
      text += tr(" · no feature to order by: choose one in Unit discovery");
    m_title->setText(text);
  }
  m_title->setToolTip(m_title->text());
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GateHeatmapView::loadMaps(int layer) {
  int first = 0, last = -1, firstUnit = 0, lastUnit = -1;
  const IndexRange unitRange = m_heatmap->unitRange();
  const bool any = layer >= 0 && m_window->visibleSteps(first, last) &&
                   unitRange.visibleIndices(m_rows->count(), firstUnit, lastUnit);
  m_loadedLayer = layer;
  m_visibleFirst = first;
  m_visibleLast = last;
  m_cellLimit = 1.0;
  if (!any) {
    m_steps = m_units = Buckets{};
    for (QCPColorMap *map : m_heatmap->maps())
      map->data()->clear();
    m_heatmap->scales()[std::size_t(shownIndex(Quantity::Cell))]->setDataRange(QCPRange(-m_cellLimit, m_cellLimit));
    return;
  }
  // At most about one column per pixel.
  m_steps = Buckets::cover(first, last, std::max(m_heatmap->topRect()->width(), 50));
  m_units = Buckets::cover(firstUnit, lastUnit, std::max(m_heatmap->topRect()->height(), 20));
  const int keyCells = std::max(m_steps.count, 2), valueCells = std::max(m_units.count, 2);
  const Trace &trace = m_session->trace();
  const std::size_t units = std::size_t(trace.units());
  for (int i = 0; i < kRects; ++i) {
    const Quantity q = kShownQuantities[i];
    QCPColorMapData *cells = m_heatmap->maps()[std::size_t(i)]->data();
    if (cells->keySize() != keyCells || cells->valueSize() != valueCells)
      cells->setSize(keyCells, valueCells);
    cells->setRange(cellCentres(m_steps), cellCentres(m_units));
    const float *values = trace.quantity(layer, q).data();
    for (int k = 0; k < keyCells; ++k) {
      const float *row = values + std::size_t(m_steps.indexAt(std::min(k, m_steps.count - 1))) * units;
      for (int r = 0; r < valueCells; ++r)
        cells->setCell(k, r, row[m_rows->unitAt(m_units.indexAt(std::min(r, m_units.count - 1)))]);
    }
  }
  // From the data in view only: the steps of the window and every row of the order, whatever the pixels and the
  // rows scrolled to.
  m_cellLimit = m_colourLimit.of(trace, layer, Quantity::Cell, first, last, m_rows->units(), m_generation);
  m_heatmap->scales()[std::size_t(shownIndex(Quantity::Cell))]->setDataRange(QCPRange(-m_cellLimit, m_cellLimit));
}

void GateHeatmapView::placeRowMarkers(int layer) {
  // Runs of consecutive visible steps in which the trace records an intervention on a unit of this layer.
  m_runs.clear();
  if (layer >= 0 && m_steps.count > 0) {
    const Trace &trace = m_session->trace();
    for (int step = m_visibleFirst; step <= m_visibleLast; ++step) {
      for (const Intervention &intervention : trace.interventions(step)) {
        if (intervention.layer != layer)
          continue;
        const int row = m_rows->rowOf(intervention.unit);
        if (row < 0)
          continue;
        auto run = std::find_if(m_runs.begin(), m_runs.end(), [&](const GateHeatmapPlot::Run &r) {
          return r.row == row && r.last >= step - 1;
        });
        if (run != m_runs.end())
          run->last = step;
        else if (int(m_runs.size()) < kMaxMarkedRuns)
          m_runs.push_back({row, step, step});
      }
    }
  }
  m_heatmap->setMarkedRuns(m_runs);
}

void GateHeatmapView::updateCharTicks() {
  QCPAxis *top = m_heatmap->characterAxis();
  const double pixelsPerStep = m_heatmap->topRect()->width() / std::max(top->range().size(), 1.0);
  const bool show = m_session->hasModel() && m_session->model().config.usesTokens() && m_steps.count > 0 &&
                    m_steps.stride == 1 && pixelsPerStep >= kCharTickPixels;
  top->setVisible(show);
  if (!show)
    return;
  auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(top->ticker());
  ticker->clear();
  const Trace &trace = m_session->trace();
  for (int step = m_steps.start; step < m_steps.indexAt(m_steps.count); ++step)
    ticker->addTick(step, m_session->tokenLabel(trace.token(step)));
}

double GateHeatmapView::cellValue(Quantity q, int step, int unit) const {
  const int index = shownIndex(q);
  const int column = step < m_session->steps() ? m_steps.bucketOf(step) : -1;
  const int shownRow = m_rows->rowOf(unit);
  const int row = shownRow >= 0 ? m_units.bucketOf(shownRow) : -1;
  if (index < 0 || column < 0 || row < 0)
    return std::numeric_limits<double>::quiet_NaN();
  return m_heatmap->maps()[std::size_t(index)]->data()->cell(column, row);
}

QRect GateHeatmapView::cellRect(Quantity q, int step, int unit) const {
  const int index = shownIndex(q);
  if (index < 0 || !m_heatmap->isShown(index))
    return {};
  const int row = m_rows->rowOf(unit);
  if (row < 0)
    return {};
  QCPAxisRect *rect = m_heatmap->rects()[std::size_t(index)];
  const QPoint centre(int(std::lround(rect->axis(QCPAxis::atBottom)->coordToPixel(step))),
                      int(std::lround(rect->axis(QCPAxis::atLeft)->coordToPixel(row))));
  if (!rect->rect().contains(centre))
    return {};
  return QRect(m_plot->mapTo(this, centre) - QPoint(1, 1), QSize(3, 3));
}

std::pair<double, double> GateHeatmapView::colourRange(Quantity q) const {
  const int index = shownIndex(q);
  if (index < 0)
    return {0.0, 0.0};
  const QCPRange range = m_heatmap->scales()[std::size_t(index)]->dataRange();
  return {range.lower, range.upper};
}

QString GateHeatmapView::colourScaleToolTip(Quantity q) const {
  if (q != Quantity::Cell)
    return quantityName(q);
  return tr("c, clipped at ±%1: the 99th percentile of |c| in view; larger values saturate")
      .arg(QString::number(m_cellLimit, 'g', 3));
}

GateHeatmapView::Cell GateHeatmapView::cellAt(const QPointF &position) const {
  if (m_steps.count == 0)
    return {};
  for (int i = 0; i < kRects; ++i) {
    QCPAxisRect *rect = m_heatmap->rects()[std::size_t(i)];
    if (!m_heatmap->isShown(i) || !rect->rect().contains(position.toPoint()))
      continue;
    const int step = int(std::lround(rect->axis(QCPAxis::atBottom)->pixelToCoord(position.x())));
    const int unit = m_rows->unitAt(int(std::lround(rect->axis(QCPAxis::atLeft)->pixelToCoord(position.y()))));
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
  const QPoint global = m_plot->mapToGlobal(event->position().toPoint());
  if (cell.rect < 0) {
    const auto &scales = m_heatmap->scales();
    const auto scale = std::find_if(scales.begin(), scales.end(), [&](QCPColorScale *s) {
      return s->visible() && s->outerRect().contains(event->position().toPoint());
    });
    if (scale != scales.end())
      QToolTip::showText(global, colourScaleToolTip(kShownQuantities[scale - scales.begin()]), m_plot);
    else
      QToolTip::hideText();
    return;
  }
  // The exact value of the pointed step, even where the map shows one step per bucket.
  const Quantity q = kShownQuantities[cell.rect];
  const Trace &trace = m_session->trace();
  const QString label = m_session->tokenLabel(trace.token(cell.step)); // empty for dense input
  const QString where = label.isEmpty() ? tr("unit %1, step %2").arg(cell.unit).arg(cell.step + 1)
                                        : tr("unit %1, step %2 '%3'").arg(cell.unit).arg(cell.step + 1).arg(label);
  const double value = trace.value(m_loadedLayer, q, cell.step, cell.unit);
  QString text = tr("%1: %2 = %3").arg(where, quantitySymbol(q), QString::number(value, 'f', 3));
  if (q == Quantity::Cell && std::abs(value) > m_cellLimit)
    text += tr(" (beyond the colour scale's ±%1)").arg(QString::number(m_cellLimit, 'g', 3));
  QToolTip::showText(global, text, m_plot);
}

void GateHeatmapView::onMouseWheel(QWheelEvent *event) {
  // Ctrl zooms the rows, Shift the steps; the plain wheel scrolls rows that do not all fit, else zooms the steps.
  // QCustomPlot zooms after this signal, along the orientations set here.
  const Qt::KeyboardModifiers modifiers = event->modifiers();
  Qt::Orientations zoom = Qt::Horizontal;
  if (modifiers & Qt::ControlModifier)
    zoom = Qt::Vertical;
  else if (!(modifiers & Qt::ShiftModifier) && m_rows->scrollByWheel(event->angleDelta().y() / 120.0))
    zoom = {};
  for (QCPAxisRect *rect : m_heatmap->rects())
    rect->setRangeZoom(zoom);
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
