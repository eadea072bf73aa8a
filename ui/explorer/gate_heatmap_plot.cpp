#include "gate_heatmap_plot.h"

#include "common/display_style.h"
#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"
#include "common/step_axis_ticker.h"

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {
constexpr int kRowSpacing = 4;
const QColor kMarkerColor(200, 0, 160);

constexpr int kGradientStops = 33; // quantityColor is bent in high contrast: enough stops to follow it

// The same colours as quantityColor, sampled along the quantity's natural range.
QCPColorGradient gradientFor(Quantity q) {
  QCPColorGradient gradient;
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);
  gradient.setLevelCount(256);
  gradient.setNanHandling(QCPColorGradient::nhNanColor);
  gradient.setNanColor(QColor(230, 230, 230));
  const QuantityRange range = naturalRange(q);
  for (int k = 0; k < kGradientStops; ++k) {
    const double t = double(k) / (kGradientStops - 1);
    gradient.setColorStopAt(t, quantityColor(q, range.low + t * (range.high - range.low), range));
  }
  return gradient;
}

void setPositionAxes(QCPItemPosition *position, QCPAxisRect *rect) {
  position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
  position->setAxisRect(rect);
}
} // namespace

// Integer ticks on the row axis, labelled with the unit each row shows.
class RowUnitTicker : public QCPAxisTickerFixed {
public:
  std::vector<int> units; // entry r: the unit of row r; empty: row r is unit r

protected:
  QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override {
    if (units.empty())
      return QCPAxisTickerFixed::getTickLabel(tick, locale, formatChar, precision);
    const long row = std::lround(tick);
    return row >= 0 && row < long(units.size()) ? QString::number(units[std::size_t(row)]) : QString();
  }
};

GateHeatmapPlot::GateHeatmapPlot(QWidget *parent, StepWindow *window) : QObject(parent) {
  m_plot = new QCustomPlot(parent);
  m_plot->setObjectName(QStringLiteral("heatmapPlot"));
  m_plot->setMouseTracking(true);
  m_plot->setMinimumHeight(kMaps * 26); // six readable maps that still fit a 1024 × 700 window
  build(window);
  retranslateUi();
  connect(&displayStyle(), &DisplayStyle::changed, this, [this] {
    applyDisplayStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  });
  connect(m_plot, &QCustomPlot::beforeReplot, this, [this] { hideStrays(); });
}

void GateHeatmapPlot::retranslateUi() {
  for (QCPAxisRect *rect : m_rects) {
    rect->axis(QCPAxis::atBottom)->setLabel(tr("step"));
    rect->axis(QCPAxis::atLeft)->setLabel(tr("unit"));
  }
}

void GateHeatmapPlot::applyDisplayStyle() {
  for (int i = 0; i < kMaps; ++i)
    m_scales[std::size_t(i)]->setGradient(gradientFor(kShownQuantities[i]));
  arrange(); // the end tick labels need margins in proportion to the font
}

void GateHeatmapPlot::build(StepWindow *window) {
  m_plot->plotLayout()->clear();
  m_plot->plotLayout()->setRowSpacing(kRowSpacing);
  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  auto *columnGroup = new QCPMarginGroup(m_plot), *scaleGroup = new QCPMarginGroup(m_plot);
  QSharedPointer<QCPAxisTickerFixed> stepTicks(new StepAxisTicker); // steps from 1
  QSharedPointer<RowUnitTicker> unitTicks(new RowUnitTicker);
  for (QCPAxisTickerFixed *ticker : {stepTicks.data(), static_cast<QCPAxisTickerFixed *>(unitTicks.data())}) {
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  }
  m_unitTicks = unitTicks;
  for (int i = 0; i < kMaps; ++i) {
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
    rect->setMinimumSize(50, 8); // QCustomPlot's 50 × 50 would skew the rows of a short dock
    rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    rect->setRangeZoom(Qt::Horizontal);
    QCPAxis *x = rect->axis(QCPAxis::atBottom);
    QCPAxis *y = rect->axis(QCPAxis::atLeft);
    x->setTicker(stepTicks);
    y->setTicker(unitTicks);
    y->setRangeReversed(true); // unit 0 on top, like a table
    window->addAxis(x);
    connect(y, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &range) {
      if (m_settingRange)
        return;
      setUnitRange({range.lower, range.upper});
      Q_EMIT unitRangeChanged();
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
    scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerText)); // see updateTicks

    auto *frame = new QCPItemRect(m_plot);
    frame->setClipAxisRect(rect);
    for (QCPItemPosition *corner : {frame->topLeft, frame->bottomRight}) {
      setPositionAxes(corner, rect);
      corner->setTypeX(QCPItemPosition::ptAxisRectRatio); // the selected row spans the whole width
    }
    frame->setPen(QPen(QColor(0, 0, 0), 1.0));
    frame->setSelectable(false);
    frame->setVisible(false);

    m_rects[std::size_t(i)] = rect;
    m_maps[std::size_t(i)] = map;
    m_scales[std::size_t(i)] = scale;
    m_selectionFrames[std::size_t(i)] = frame;
  }
  // Characters of the text along the top of the top shown map, once they fit (one ticker shared by all).
  QSharedPointer<QCPAxisTicker> characters(new QCPAxisTickerText);
  for (QCPAxisRect *rect : m_rects) {
    QCPAxis *top = rect->axis(QCPAxis::atTop);
    top->setTicker(characters);
    top->setTickLength(0, 2);
    top->setSubTicks(false);
    window->addAxis(top, false);
  }
  arrange();
  connect(m_plot, &QCustomPlot::afterLayout, this, [this] { onLayout(); });
}

void GateHeatmapPlot::setSingleMap(int index) {
  index = index >= 0 && index < kMaps ? index : -1;
  if (index == m_single)
    return;
  m_single = index;
  arrange();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPAxisRect *GateHeatmapPlot::topRect() const { return m_rects[std::size_t(std::max(m_single, 0))]; }

QCPAxis *GateHeatmapPlot::characterAxis() const { return topRect()->axis(QCPAxis::atTop); }

void GateHeatmapPlot::arrange() {
  QCPLayoutGrid *grid = m_plot->plotLayout();
  const QList<QCPLayoutElement *> laidOut = grid->elements(false);
  for (QCPLayoutElement *element : laidOut)
    if (element)
      grid->take(element); // only maps and scales live in this grid
  grid->simplify();
  const double fontScale = displayStyle().fontScale();
  int row = 0;
  const int last = m_single >= 0 ? m_single : kMaps - 1;
  for (int i = 0; i < kMaps; ++i) {
    QCPAxisRect *rect = m_rects[std::size_t(i)];
    const bool shown = isShown(i);
    rect->setVisible(shown);
    m_scales[std::size_t(i)]->setVisible(shown);
    m_maps[std::size_t(i)]->setVisible(shown);
    rect->axis(QCPAxis::atTop)->setVisible(false); // the view shows the character axis when the characters fit
    rect->axis(QCPAxis::atBottom)->setVisible(i == last); // the maps share it: more height for them
    if (!shown)
      continue;
    // Just room for the end tick labels (the top one must fit in the plot, or QCustomPlot drops it): taller maps.
    const int top = int(std::lround((row == 0 ? 11 : 7) * fontScale)), side = int(std::lround(7 * fontScale));
    rect->setMinimumMargins(QMargins(0, top, int(std::lround(15 * fontScale)), side));
    grid->addElement(row, 0, rect);
    grid->addElement(row, 1, m_scales[std::size_t(i)]);
    grid->setRowStretchFactor(row, 1.0);
    ++row;
  }
  // Sizes now, not at the next replot: the view loads as many columns and rows as the maps are wide and tall.
  for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
    grid->update(phase);
}

void GateHeatmapPlot::layoutNow() {
  for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
    m_plot->plotLayout()->update(phase);
  onLayout();
}

void GateHeatmapPlot::hideStrays() {
  if (m_single < 0)
    return;
  for (int k = 0; k < m_plot->itemCount(); ++k) {
    QCPAbstractItem *item = m_plot->item(k);
    const auto it = std::find(m_rects.begin(), m_rects.end(), item->clipAxisRect());
    if (it != m_rects.end() && !isShown(int(it - m_rects.begin())))
      item->setVisible(false);
  }
}

IndexRange GateHeatmapPlot::unitRange() const {
  const QCPRange range = m_rects[0]->axis(QCPAxis::atLeft)->range();
  return {range.lower, range.upper};
}

void GateHeatmapPlot::setUnitRange(IndexRange range) {
  m_settingRange = true;
  for (QCPAxisRect *rect : m_rects)
    rect->axis(QCPAxis::atLeft)->setRange(range.lower, range.upper);
  m_settingRange = false;
}

void GateHeatmapPlot::setRowUnits(const std::vector<int> &units) {
  if (m_unitTicks->units != units)
    m_unitTicks->units = units;
}

void GateHeatmapPlot::setSelectedRow(int row) {
  for (QCPItemRect *frame : m_selectionFrames) {
    frame->setVisible(row >= 0);
    frame->topLeft->setCoords(0.0, row - 0.5);
    frame->bottomRight->setCoords(1.0, row + 0.5);
  }
}

void GateHeatmapPlot::setMarkedRuns(const std::vector<Run> &runs) {
  while (m_markers.size() < runs.size() * kMaps) {
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
    const bool used = k / kMaps < runs.size();
    m_markers[k]->setVisible(used);
    if (used) {
      const Run &run = runs[k / kMaps];
      m_markers[k]->topLeft->setCoords(run.first - 0.5, run.row - 0.5);
      m_markers[k]->bottomRight->setCoords(run.last + 0.5, run.row + 0.5);
    }
  }
}

void GateHeatmapPlot::onLayout() {
  // Rows share the height in proportion to their stretch factors; weighting each by its outer height at equal
  // inner heights keeps the bottom map, which carries the step axis, as tall as the others. Margins and heights
  // are known only now, and tick positions were taken before: a change redoes the layout before drawing.
  std::vector<QCPAxisRect *> shown;
  for (int i = 0; i < kMaps; ++i)
    if (isShown(i))
      shown.push_back(m_rects[std::size_t(i)]);
  const int rows = int(shown.size());
  double margins = 0.0;
  for (QCPAxisRect *rect : shown)
    margins += rect->margins().top() + rect->margins().bottom();
  const double free = m_plot->plotLayout()->rect().height() - margins - (rows - 1) * kRowSpacing;
  const double inner = std::max(1.0, free / rows);
  const auto [shortest, tallest] = std::minmax_element(shown.begin(), shown.end(), [](auto *a, auto *b) {
    return a->height() < b->height();
  });
  const bool uneven = (*tallest)->height() - (*shortest)->height() > 1;
  if (uneven)
    for (int row = 0; row < rows; ++row)
      m_plot->plotLayout()->setRowStretchFactor(
          row, inner + shown[std::size_t(row)]->margins().top() + shown[std::size_t(row)]->margins().bottom());
  if (updateTicks() || uneven)
    for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
      m_plot->plotLayout()->update(phase);
}

bool GateHeatmapPlot::updateTicks() {
  // As many tick labels as fit the height of a map without touching (a label is about 14 px high): short maps in
  // a docked window show only the ends of each scale.
  const int height = topRect()->height();
  bool changed = m_unitTicks->tickCount() != std::clamp(height / 20, 1, 3);
  m_unitTicks->setTickCount(std::clamp(height / 20, 1, 3));
  for (int i = 0; i < kMaps; ++i) {
    const QCPRange range = m_scales[std::size_t(i)]->dataRange();
    auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(m_scales[std::size_t(i)]->axis()->ticker());
    const int count = height >= 42 ? 3 : 2;
    if (ticker->ticks().size() == count && ticker->ticks().lastKey() == range.upper)
      continue; // unchanged: no allocation per replot
    changed = true;
    ticker->clear();
    for (int k = 0; k < count; ++k) {
      const double value = range.lower + k * range.size() / (count - 1);
      ticker->addTick(value, QString::number(value, 'g', std::abs(value) >= 100.0 ? 4 : 2));
    }
  }
  return changed;
}

} // namespace lstm
