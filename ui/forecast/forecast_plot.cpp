#include "forecast_plot.h"

#include "common/plot_export.h"
#include "common/qcustomplot_include.h"

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {
const QColor kTruthColor(0x404040);
const QColor kOneStepColor(0x1f77b4);
const QColor kMultiColor(0xd62728);
constexpr int kClickSlop = 4; // pixels a press may move and still count as a click, not a drag
} // namespace

ForecastPlot::ForecastPlot(QWidget *parent) : QObject(parent) {
  m_plot = new QCustomPlot(parent);
  m_plot->setObjectName(QStringLiteral("forecastPlot"));
  m_plot->setMinimumSize(160, 120); // not QCustomPlot's own: a series model would widen the window
  m_truthGraph = m_plot->addGraph();
  m_truthGraph->setPen(QPen(kTruthColor, 1.2));
  m_oneStepGraph = m_plot->addGraph();
  m_oneStepGraph->setPen(QPen(kOneStepColor, 1.2));
  m_multiGraph = m_plot->addGraph();
  m_multiGraph->setPen(QPen(kMultiColor, 2.0, Qt::DashLine));
  m_validationLine = new QCPItemStraightLine(m_plot);
  m_validationLine->setPen(QPen(QColor(0x9e9e9e), 1.0, Qt::DotLine));
  m_startLine = new QCPItemStraightLine(m_plot);
  m_startLine->setPen(QPen(kMultiColor.lighter(140), 1.0, Qt::DotLine));
  QFont smallFont = parent->font();
  smallFont.setPointSizeF(smallFont.pointSizeF() * 0.85);
  m_validationText = new QCPItemText(m_plot);
  m_validationText->setFont(smallFont);
  m_validationText->setColor(QColor(0x757575));
  m_validationText->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
  m_validationText->position->setTypeX(QCPItemPosition::ptPlotCoords);
  m_validationText->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
  // The legend sits in a row under the plot, one line wide, so it never hides the curves.
  m_plot->legend->setVisible(true);
  m_plot->legend->setFont(smallFont);
  m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
  m_plot->legend->setBorderPen(Qt::NoPen);
  m_plot->axisRect()->insetLayout()->take(m_plot->legend);
  auto *legendRow = new QCPLayoutGrid;
  m_plot->plotLayout()->addElement(1, 0, legendRow);
  m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
  // Empty stretching cells either side keep the legend at its natural width, centred.
  legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));
  legendRow->addElement(0, 1, m_plot->legend);
  legendRow->addElement(0, 2, new QCPLayoutElement(m_plot));
  legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});
  m_plot->plotLayout()->setRowSpacing(0);
  // Only the time axis zooms and drags: the values keep their full range so a forecast never leaves the view.
  retranslateUi();
  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
  m_plot->axisRect()->setRangeZoom(Qt::Horizontal);

  connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) { m_pressPos = event->pos(); });
  connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) { onReleased(event->pos()); });
  connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_userZoomed = true; });
  connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
    m_userZoomed = false;
    rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  });
}

QWidget *ForecastPlot::widget() const { return m_plot; }

void ForecastPlot::retranslateUi() {
  m_truthGraph->setName(tr("truth"));
  m_oneStepGraph->setName(tr("one step ahead"));
  m_multiGraph->setName(tr("multi-step forecast"));
  m_validationText->setText(tr("validation \u2192"));
  m_plot->xAxis->setLabel(tr("time step"));
}

void ForecastPlot::resetZoom() { m_userZoomed = false; }

void ForecastPlot::showSeries(std::span<const double> values, std::int64_t validationStart, std::int64_t shownFrom,
                              std::int64_t scoreFrom, const QString &name) {
  m_hasSeries = true;
  m_seriesSize = std::int64_t(values.size());
  m_shownFrom = shownFrom;
  m_scoreFrom = scoreFrom;
  QVector<double> keys, shown;
  keys.reserve(qsizetype(m_seriesSize - shownFrom));
  shown.reserve(qsizetype(m_seriesSize - shownFrom));
  for (std::int64_t t = shownFrom; t < m_seriesSize; ++t) {
    keys.append(double(t));
    shown.append(values[std::size_t(t)]);
  }
  m_truthGraph->setData(keys, shown, true);
  // Between the last training value and the first validation value.
  const double boundary = double(validationStart) - 0.5;
  m_validationLine->point1->setCoords(boundary, 0.0);
  m_validationLine->point2->setCoords(boundary, 1.0);
  m_validationText->position->setCoords(boundary, 0.02);
  m_validationLine->setVisible(true);
  m_validationText->setVisible(true);
  m_plot->yAxis->setLabel(name);
}

void ForecastPlot::clearSeries() {
  m_hasSeries = false;
  m_truthGraph->data()->clear();
  m_validationLine->setVisible(false);
  m_validationText->setVisible(false);
}

void ForecastPlot::showForecasts(const OneStepForecast &oneStep, const MultiStepForecast &multiStep) {
  const auto load = [](QCPGraph *graph, std::int64_t first, const std::vector<double> &predictions) {
    QVector<double> keys, values;
    keys.reserve(qsizetype(predictions.size()));
    values.reserve(qsizetype(predictions.size()));
    for (std::size_t k = 0; k < predictions.size(); ++k) {
      keys.append(double(first + std::int64_t(k)));
      values.append(predictions[k]);
    }
    graph->setData(keys, values, true);
  };
  load(m_oneStepGraph, oneStep.first, oneStep.predictions);
  load(m_multiGraph, multiStep.start, multiStep.predictions);
  m_multiStart = multiStep.start;
  m_multiLength = std::int64_t(multiStep.predictions.size());
  m_multiGraph->setName(tr("%n-step forecast (own predictions fed back)", nullptr, int(m_multiLength)));
  const bool haveMulti = m_multiLength > 0;
  m_startLine->setVisible(haveMulti);
  if (haveMulti) {
    m_startLine->point1->setCoords(double(m_multiStart) - 0.5, 0.0);
    m_startLine->point2->setCoords(double(m_multiStart) - 0.5, 1.0);
  }
  rescale();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ForecastPlot::rescale() {
  if (!m_hasSeries)
    return;
  bool found = false;
  QCPRange values = m_truthGraph->getValueRange(found);
  for (QCPGraph *graph : {m_oneStepGraph, m_multiGraph})
    if (bool more = false; graph->dataCount() > 0) {
      const QCPRange range = graph->getValueRange(more);
      if (more)
        values.expand(range);
    }
  const double margin = std::max(1e-9, values.size() * 0.05);
  m_plot->yAxis->setRange(values.lower - margin, values.upper + margin);
  if (m_userZoomed)
    return;
  // Thousands of validation points at once are a grey band: open on the multi-step forecast with some history
  // before it (twice the horizon, at least 150 points) and a little room after; drag or wheel for the rest.
  const double end = double(std::max(m_seriesSize, m_multiStart + m_multiLength));
  const double start = m_multiLength == 0 ? double(m_scoreFrom) : double(m_multiStart);
  const double length = double(std::max<std::int64_t>(m_multiLength, 50));
  const double lower = std::max(double(m_shownFrom), start - std::max(150.0, 2.0 * length));
  const double upper = std::min(end - 1.0, start + length + std::max(25.0, length / 4.0));
  m_plot->xAxis->setRange(lower, std::max(upper, lower + 1.0));
}

void ForecastPlot::onReleased(const QPoint &pos) {
  const QPoint moved = pos - m_pressPos;
  if (moved.manhattanLength() > kClickSlop) {
    m_userZoomed = true;
    return;
  }
  if (!m_hasSeries || !m_plot->axisRect()->rect().contains(pos))
    return;
  Q_EMIT startPicked(std::llround(m_plot->xAxis->pixelToCoord(pos.x())));
}

bool ForecastPlot::exportImage(const QString &path, QString *error) {
  m_plot->replot(QCustomPlot::rpImmediateRefresh);
  return savePlot(m_plot, path, error);
}

} // namespace lstm
