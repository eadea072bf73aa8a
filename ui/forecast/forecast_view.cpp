#include "forecast_view.h"

#include "common/problem_text.h"
#include "common/refresh_coalescer.h"
#include "forecast_plot.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <QStringList>

#include <algorithm>
#include <span>
#include <utility>

namespace lstm {

namespace {
const QColor kBetterColor(0x2ca02c);

QString formatNumber(double value) { return QString::number(value, 'g', 4); }
} // namespace

ForecastView::ForecastView(QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("forecastView"));
  m_plot = new ForecastPlot(this);
  m_horizonSpin = new QSpinBox(this);
  m_horizonSpin->setObjectName(QStringLiteral("forecastHorizonSpin"));
  m_horizonSpin->setRange(1, 10000);
  m_horizonSpin->setValue(50);
  m_startSlider = new QSlider(Qt::Horizontal, this);
  m_startSlider->setObjectName(QStringLiteral("forecastStartSlider"));
  m_startLabel = new QLabel(this);
  m_startLabel->setObjectName(QStringLiteral("forecastStartLabel"));
  m_startLabel->setMinimumWidth(m_startLabel->fontMetrics().horizontalAdvance(QStringLiteral("t = 00000000")));
  m_statsLabel = new QLabel(this);
  m_statsLabel->setObjectName(QStringLiteral("forecastStatsLabel"));
  m_statsLabel->setTextFormat(Qt::RichText);
  m_statsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_statsLabel->setContentsMargins(4, 2, 4, 4);
  m_statsLabel->setWordWrap(true); // the scores must not widen the window (a series model brings this dock forward)
  m_messageLabel = new QLabel(this);
  m_messageLabel->setObjectName(QStringLiteral("forecastMessageLabel"));
  m_messageLabel->setWordWrap(true);
  m_messageLabel->setAlignment(Qt::AlignCenter);

  auto *controls = new QHBoxLayout;
  m_horizonLabel = new QLabel(this);
  m_horizonLabel->setBuddy(m_horizonSpin);
  controls->addWidget(m_horizonLabel);
  controls->addWidget(m_horizonSpin);
  m_fromLabel = new QLabel(this);
  m_fromLabel->setBuddy(m_startSlider);
  controls->addWidget(m_fromLabel);
  controls->addWidget(m_startSlider, 1);
  controls->addWidget(m_startLabel);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(m_messageLabel, 1);
  layout->addWidget(m_plot->widget(), 1);
  layout->addWidget(m_statsLabel);

  retranslateUi();
  m_coalescer = new RefreshCoalescer(this, [this] { startJob(); }, 40);
  connect(m_horizonSpin, &QSpinBox::valueChanged, this, [this] { inputsChanged(false); });
  connect(m_startSlider, &QSlider::valueChanged, this, [this] { inputsChanged(false); });
  connect(m_plot, &ForecastPlot::startPicked, this, &ForecastView::setForecastStart);
  updateMessage();
}

int ForecastView::horizon() const { return m_horizonSpin->value(); }
std::int64_t ForecastView::forecastStart() const { return m_startSlider->value(); }

void ForecastView::setForecastStart(std::int64_t start) {
  m_startSlider->setValue(int(std::clamp<std::int64_t>(start, m_startSlider->minimum(), m_startSlider->maximum())));
}

std::int64_t ForecastView::scoreFrom() const {
  return std::max(m_validationStart, seriesSize() - kMaxScoredPoints);
}

std::int64_t ForecastView::shownFrom() const {
  const std::int64_t from = scoreFrom();
  const std::int64_t context = std::max<std::int64_t>(50, (seriesSize() - from) / 4);
  return std::max<std::int64_t>(0, from - context);
}

void ForecastView::setModel(std::shared_ptr<const Model> model) {
  m_model = std::move(model);
  inputsChanged(true);
}

void ForecastView::setSeries(std::vector<double> values, std::int64_t validationStart, const QString &name) {
  m_values = std::make_shared<const std::vector<double>>(std::move(values));
  const std::int64_t size = seriesSize();
  // At least one value before the validation part to predict it from, and at least one value in it.
  m_validationStart = size < 2 ? 0 : std::clamp<std::int64_t>(validationStart, 1, size - 1);
  m_name = name;
  m_plot->resetZoom();
  updateControls();
  setForecastStart(scoreFrom());
  inputsChanged(true);
}

// Every change supersedes the running job at once, so a result computed for old inputs can never be shown,
// even when it arrives before the coalesced recompute starts.
void ForecastView::inputsChanged(bool modelOrSeries) {
  if (modelOrSeries) {
    m_oneStepCurrent = false;
    updateMessage();
  }
  m_job.cancel();
  m_startLabel->setText(QStringLiteral("t = %1").arg(forecastStart()));
  if (m_message.isEmpty())
    m_coalescer->request();
}

void ForecastView::retranslateUi() {
  m_horizonSpin->setToolTip(tr("How many steps the model forecasts from its own predictions"));
  m_startSlider->setToolTip(tr("Where the multi-step forecast starts (or click in the plot)"));
  m_horizonLabel->setText(tr("forecast steps:"));
  m_fromLabel->setText(tr("from:"));
  m_plot->retranslateUi();
}

void ForecastView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    if (!m_message.isEmpty())
      updateMessage(); // the same problem, in the new language
    else
      showForecasts(); // the legend and the statistics
  }
  QWidget::changeEvent(event);
}

void ForecastView::updateMessage() {
  Problem problem;
  if (!m_model)
    m_message = tr("No model: load or train a series model to see its forecasts.");
  else if (!isSeriesModel(*m_model))
    m_message = tr("This is not a series model: forecasts need a model trained on one numeric column "
                   "(one dense input, one regression output).");
  else if (!m_model->checkConsistency(&problem))
    m_message = tr("The model cannot be run: %1.").arg(problemText(problem));
  else if (!seriesScalingOf(*m_model, &problem))
    m_message = tr("The model cannot forecast: %1.").arg(problemText(problem));
  else if (seriesSize() < 2)
    m_message = tr("No series: load the numeric column the model was trained on to compare its forecasts.");
  else
    m_message.clear();
  const bool ok = m_message.isEmpty();
  m_messageLabel->setText(m_message);
  m_messageLabel->setVisible(!ok);
  m_plot->widget()->setVisible(ok);
  m_statsLabel->setVisible(ok);
  m_horizonSpin->setEnabled(ok);
  m_startSlider->setEnabled(ok);
  if (!ok) {
    m_job.cancel();
    m_oneStep = {};
    m_multiStep = {};
  }
  showSeries();
  showForecasts();
}

void ForecastView::updateControls() {
  const QSignalBlocker blocker(m_startSlider);
  const std::int64_t size = seriesSize();
  // Up to the series size: a start there forecasts past the end of the data.
  m_startSlider->setRange(int(std::min(scoreFrom(), size)), int(size));
  m_startSlider->setPageStep(std::max(1, int((size - scoreFrom()) / 10)));
}

void ForecastView::startJob() {
  m_job.cancel();
  if (!m_message.isEmpty())
    return;
  if (!isVisible()) {
    m_deferred = true;
    return;
  }
  const std::int64_t size = seriesSize();
  const std::int64_t from = scoreFrom();
  const std::int64_t base = std::max<std::int64_t>(0, from - kWarmupSteps);
  const std::int64_t start = std::max(forecastStart(), from);
  const int steps = horizon();
  const bool withOneStep = !m_oneStepCurrent;
  if (m_oneStep.predictions.empty())
    m_statsLabel->setText(tr("computing…")); // later recomputes keep the last numbers until new ones arrive
  m_job.start(
      [model = m_model, values = m_values, size, from, base, start, steps, withOneStep](const auto &control) {
        Result result;
        result.withOneStep = withOneStep;
        // Both forecasts start from a zero state at `base`, so the dashed line's first point is the one-step
        // prediction there. They poll the cancel flag every step.
        const std::span<const double> window(values->data() + base, std::size_t(size - base));
        if (withOneStep) {
          result.oneStep = forecastOneStep(*model, window, from - base, size - base, &control.cancelFlag());
          result.oneStep.first += base;
        }
        result.multiStep = forecastAutoregressive(*model, window, start - base, steps, &control.cancelFlag());
        result.multiStep.start += base;
        return result;
      },
      [this](Result result) { onJobFinished(std::move(result)); });
}

void ForecastView::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  if (std::exchange(m_deferred, false))
    m_coalescer->request();
}

void ForecastView::onJobFinished(Result result) {
  if (result.withOneStep) {
    m_oneStep = std::move(result.oneStep);
    m_oneStepCurrent = true;
  }
  m_multiStep = std::move(result.multiStep);
  showForecasts();
  Q_EMIT forecastReady();
}

void ForecastView::showSeries() {
  if (m_message.isEmpty())
    m_plot->showSeries(*m_values, m_validationStart, shownFrom(), scoreFrom(), m_name);
  else
    m_plot->clearSeries();
}

void ForecastView::showForecasts() {
  m_plot->showForecasts(m_oneStep, m_multiStep);
  m_statsLabel->setText(statsText());
}

QString ForecastView::statsText() const {
  const auto errors = [](const ForecastErrors &e, bool better) {
    const QString text = tr("RMSE %1 MAE %2").arg(formatNumber(e.rmse), formatNumber(e.mae));
    if (!better)
      return text;
    return QStringLiteral("<span style=\"color:%1\"><b>%2 %3</b></span>")
        .arg(kBetterColor.name(), text, QString(QChar(0x2713)));
  };
  // The better forecast by RMSE is green and ticked; a tie marks neither.
  const auto line = [&](const QString &title, const ForecastErrors &model, const ForecastErrors &naive) {
    if (model.count == 0)
      return tr("%1: past the end of the data, nothing to score").arg(title);
    return tr("%1: %2 · naive last value: %3")
        .arg(title, errors(model, model.rmse < naive.rmse), errors(naive, naive.rmse < model.rmse));
  };
  QStringList lines;
  if (m_oneStep.model.count > 0)
    lines << line(tr("one step ahead over %n points", nullptr, int(m_oneStep.model.count)), m_oneStep.model,
                  m_oneStep.naive);
  if (!m_multiStep.predictions.empty())
    lines << line(tr("%n steps from t = %1", nullptr, int(m_multiStep.predictions.size())).arg(m_multiStep.start),
                  m_multiStep.model, m_multiStep.naive);
  return lines.join(QStringLiteral("<br>"));
}

bool ForecastView::exportImage(const QString &path, QString *error) { return m_plot->exportImage(path, error); }

} // namespace lstm
