#include "loss_plot_view.h"

#include "common/plot_export.h"
#include "common/qcustomplot_include.h"
#include "common/refresh_coalescer.h"
#include "train/trainer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lstm {

namespace {
const QColor kTrainColor(0x1f77b4);
const QColor kValidationColor(0xff7f0e);
const QColor kBaselineColors[2] = {QColor(0x7f7f7f), QColor(0x2ca02c)};
constexpr int kOverfitSpan = 3; // validation points that must rise in a row
} // namespace

LossPlotView::LossPlotView(QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("lossPlotView"));
  m_xAxisCombo = new QComboBox(this);
  m_xAxisCombo->setObjectName(QStringLiteral("lossXAxisCombo"));
  m_xAxisCombo->addItem(QString());
  m_xAxisCombo->addItem(QString());
  m_logCheck = new QCheckBox(this);
  m_logCheck->setObjectName(QStringLiteral("lossLogCheck"));
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("lossPlot"));
  m_plot->setMinimumHeight(160);

  auto *controls = new QHBoxLayout;
  m_xLabel = new QLabel(this);
  m_xLabel->setBuddy(m_xAxisCombo);
  controls->addWidget(m_xLabel);
  controls->addWidget(m_xAxisCombo);
  controls->addWidget(m_logCheck);
  controls->addStretch(1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(m_plot, 1);

  m_trainGraph = m_plot->addGraph();
  m_trainGraph->setPen(QPen(kTrainColor, 1.5));
  m_validationGraph = m_plot->addGraph();
  m_validationGraph->setPen(QPen(kValidationColor, 2.0));
  // Evaluations are sparse: markers show where each one was actually measured.
  m_validationGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));

  m_plot->legend->setVisible(true);
  QFont smallFont = font();
  smallFont.setPointSizeF(smallFont.pointSizeF() * 0.85);
  m_plot->legend->setFont(smallFont);
  // Bottom left stays clear: the first iterations' loss is high, and the baselines are labelled at the right.
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);

  for (int i = 0; i < 2; ++i) {
    m_baselineLines[i] = new QCPItemStraightLine(m_plot);
    m_baselineLines[i]->setPen(QPen(kBaselineColors[i], 1.0, Qt::DashLine));
    m_baselineLines[i]->setVisible(false);
    m_baselineLabels[i] = new QCPItemText(m_plot);
    m_baselineLabels[i]->setFont(smallFont);
    m_baselineLabels[i]->setColor(kBaselineColors[i]);
    m_baselineLabels[i]->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    // x in axis-rect fractions keeps the label at the right edge, where a falling loss has left room, whatever the
    // x range; y follows the line.
    m_baselineLabels[i]->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_baselineLabels[i]->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_baselineLabels[i]->setVisible(false);
  }
  m_overfitText = new QCPItemText(m_plot);
  m_overfitText->setFont(smallFont);
  m_overfitText->setColor(QColor(0xd62728));
  m_overfitText->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
  m_overfitText->position->setType(QCPItemPosition::ptAxisRectRatio);
  m_overfitText->position->setCoords(0.5, 0.97);
  m_overfitText->setVisible(false);

  // A loss curve needs no 60 frames a second, and on a small machine every replot is time the trainer's threads
  // lose: at most 4 replots a second (measured by training_bench: GUI vs CLI characters/s).
  m_refresher = new RefreshCoalescer(this, [this] { refresh(); }, 250);
  retranslateUi(); // with the axis, legend and baseline names of a text run
  connect(m_xAxisCombo, &QComboBox::currentIndexChanged, this, [this] {
    m_plot->xAxis->setLabel(timeAxis() ? tr("wall-clock time (s)") : tr("iteration"));
    m_rebuild = true;
    m_refresher->request();
  });
  connect(m_logCheck, &QCheckBox::toggled, this, [this](bool on) {
    if (on) {
      m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
      m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    } else {
      m_plot->yAxis->setScaleType(QCPAxis::stLinear);
      m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    m_refresher->request();
  });
  m_refresher->request();
}

LossPlotView::~LossPlotView() = default;

void LossPlotView::retranslateUi() {
  m_xAxisCombo->setItemText(0, tr("Iterations"));
  m_xAxisCombo->setItemText(1, tr("Time (s)"));
  m_logCheck->setText(tr("log scale"));
  m_xLabel->setText(tr("x axis:"));
  m_plot->xAxis->setLabel(timeAxis() ? tr("wall-clock time (s)") : tr("iteration"));
  m_overfitText->setText(tr("validation rising while training falls: overfitting?"));
  setSeriesLosses(m_series); // names the axis, the legend and the baselines; requests a replot
}

void LossPlotView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

bool LossPlotView::logScale() const { return m_plot->yAxis->scaleType() == QCPAxis::stLogarithmic; }
bool LossPlotView::timeAxis() const { return m_xAxisCombo->currentIndex() == 1; }

void LossPlotView::noteLoss(double loss) {
  m_lossMax = std::max(m_lossMax, loss);
  if (loss > 0.0)
    m_lossMinPositive = std::min(m_lossMinPositive, loss);
}

void LossPlotView::addProgress(const TrainingProgress &p) {
  const double iteration = double(p.iteration);
  if (std::isfinite(p.smoothedLoss)) {
    m_train.push_back({iteration, p.elapsedSeconds, p.smoothedLoss, p.smoothedLoss});
    m_lastSmoothed = p.smoothedLoss;
    m_haveSmoothed = true;
    noteLoss(p.smoothedLoss);
  }
  if (p.evaluated && std::isfinite(p.validationLoss)) {
    const double trainNow = m_haveSmoothed ? m_lastSmoothed : std::numeric_limits<double>::quiet_NaN();
    m_validation.push_back({iteration, p.elapsedSeconds, p.validationLoss, trainNow});
    noteLoss(p.validationLoss);
    updateOverfitting();
  }
  m_refresher->request();
}

void LossPlotView::updateOverfitting() {
  m_overfitting = false;
  const std::size_t n = m_validation.size();
  if (n < std::size_t(kOverfitSpan))
    return;
  const Point *last = m_validation.data() + n - kOverfitSpan;
  bool rising = true;
  for (int i = 1; i < kOverfitSpan; ++i)
    rising = rising && last[i].loss > last[i - 1].loss;
  // NaN training values (no smoothed loss yet) compare false, so they never claim a fall.
  const bool trainFalls = last[kOverfitSpan - 1].trainAtPoint < last[0].trainAtPoint;
  m_overfitting = rising && trainFalls;
}

void LossPlotView::setBaselines(double unigram, double bigram) {
  m_baselines[0] = std::isfinite(unigram) && unigram > 0.0 ? unigram : 0.0;
  m_baselines[1] = std::isfinite(bigram) && bigram > 0.0 ? bigram : 0.0;
  m_refresher->request();
}

void LossPlotView::clear() {
  m_train.clear();
  m_validation.clear();
  m_trainSent = m_validationSent = 0;
  m_baselines[0] = m_baselines[1] = 0.0;
  m_haveSmoothed = false;
  m_lossMax = 0.0;
  m_lossMinPositive = std::numeric_limits<double>::infinity();
  m_overfitting = false;
  m_rebuild = true;
  m_refresher->request();
}

void LossPlotView::setSeriesLosses(bool series) {
  m_series = series;
  m_plot->yAxis->setLabel(lossAxisLabel());
  m_trainGraph->setName(series ? tr("train MSE (smoothed)") : tr("train (smoothed)"));
  m_validationGraph->setName(series ? tr("validation MSE") : tr("validation"));
  for (int i = 0; i < 2; ++i)
    m_baselineLabels[i]->setText(baselineName(i));
  m_refresher->request();
}

QString LossPlotView::lossAxisLabel() const {
  return m_series ? tr("MSE (scaled)") : tr("loss (nats per character)");
}

QString LossPlotView::baselineName(int index) const {
  if (m_series)
    return index == 0 ? tr("mean") : tr("last value");
  return index == 0 ? tr("unigram") : tr("bigram");
}

void LossPlotView::refreshNow() {
  m_refresher->runNow();
  m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

bool LossPlotView::exportImage(const QString &path, QString *error) {
  refreshNow();
  return savePlot(m_plot, path, error);
}

void LossPlotView::refresh() {
  loadGraph(m_trainGraph, m_train, m_trainSent, m_rebuild);
  loadGraph(m_validationGraph, m_validation, m_validationSent, m_rebuild);
  m_rebuild = false;
  updateBaselineItems();
  m_overfitText->setVisible(m_overfitting);
  rescale();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Only the points added since the last refresh are copied, so a long run costs O(new points) per redraw.
void LossPlotView::loadGraph(QCPGraph *graph, const std::vector<Point> &points, std::size_t &sent, bool rebuild) {
  if (rebuild) {
    graph->data()->clear();
    sent = 0;
  }
  if (sent == points.size())
    return;
  const bool time = timeAxis();
  QVector<double> keys, values;
  keys.reserve(qsizetype(points.size() - sent));
  values.reserve(qsizetype(points.size() - sent));
  for (std::size_t i = sent; i < points.size(); ++i) {
    keys.append(time ? points[i].seconds : points[i].iteration);
    values.append(points[i].loss);
  }
  graph->addData(keys, values, true);
  sent = points.size();
}

void LossPlotView::updateBaselineItems() {
  for (int i = 0; i < 2; ++i) {
    const bool shown = m_baselines[i] > 0.0;
    m_baselineLines[i]->setVisible(shown);
    m_baselineLabels[i]->setVisible(shown);
    if (!shown)
      continue;
    m_baselineLines[i]->point1->setCoords(0.0, m_baselines[i]);
    m_baselineLines[i]->point2->setCoords(1.0, m_baselines[i]);
    m_baselineLabels[i]->position->setCoords(0.99, m_baselines[i]);
  }
}

// Both graphs are appended in time order, so the x extent is the last point; y spans (O(1)) the data and the baselines
// (from 0, or from the smallest positive value in log scale where 0 cannot be shown).
void LossPlotView::rescale() {
  const bool time = timeAxis();
  double xMax = 0.0;
  for (const auto *points : {&m_train, &m_validation})
    if (!points->empty())
      xMax = std::max(xMax, time ? points->back().seconds : points->back().iteration);
  m_plot->xAxis->setRange(0.0, xMax > 0.0 ? xMax * 1.02 : 1.0);

  double yMax = m_lossMax;
  double yMinPositive = m_lossMinPositive;
  for (double baseline : m_baselines)
    if (baseline > 0.0) {
      yMax = std::max(yMax, baseline);
      yMinPositive = std::min(yMinPositive, baseline);
    }
  if (yMax <= 0.0)
    yMax = 1.0;
  if (logScale())
    m_plot->yAxis->setRange(std::isfinite(yMinPositive) ? yMinPositive / 1.25 : yMax / 10.0, yMax * 1.25);
  else
    m_plot->yAxis->setRange(0.0, yMax * 1.08);
}

} // namespace lstm
