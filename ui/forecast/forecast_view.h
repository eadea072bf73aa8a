#pragma once
// Forecasts of a series model on its validation data: the true series with some context before the
// validation part, the one-step-ahead prediction (teacher forcing) and a multi-step autoregressive forecast from a
// chosen start, each scored against the naive "last value" forecast. The view owns the inputs, the controls, the
// job and the scores; ForecastPlot draws.
// The forecasts run as a background job: every change of model, series, horizon or start supersedes the running
// one (cancelled, its result dropped, never waited for) and recomputes after a short coalescing delay. At most the last
// kMaxScoredPoints of the validation part are scored, after a warm-up of kWarmupSteps true values (the model's
// state starts from zero there, not at the first value of a long series). A hidden view computes nothing (a
// model updated by training every few seconds costs no CPU) and catches up when shown. GUI thread only.
#include "common/background_job.h"
#include "explore/forecast.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QLabel;
class QSlider;
class QSpinBox;

namespace lstm {

class ForecastPlot;
class RefreshCoalescer;

class ForecastView : public QWidget {
  Q_OBJECT
public:
  static constexpr std::int64_t kMaxScoredPoints = 20000;
  static constexpr std::int64_t kWarmupSteps = 2000;

  explicit ForecastView(QWidget *parent = nullptr); // destroying it cancels a running forecast, without waiting

  // The model to forecast with; null or a non-series model shows a message instead of the plot.
  void setModel(std::shared_ptr<const Model> model);
  // The series in original units; its validation part is [validationStart, size). `name` labels the y axis.
  // The multi-step forecast then starts at the first scored point.
  void setSeries(std::vector<double> values, std::int64_t validationStart, const QString &name);

  // The latest forecasts shown (empty before the first result). predictions are in original units.
  const OneStepForecast &oneStep() const { return m_oneStep; }
  const MultiStepForecast &multiStep() const { return m_multiStep; }
  int horizon() const;
  std::int64_t forecastStart() const;
  // Moves the multi-step start (clamped to [first scored point, series size]), as the slider and a click do.
  void setForecastStart(std::int64_t start);
  // Why nothing is forecast ("not a series model", "no series" …); empty when the plot is shown.
  QString message() const { return m_message; }
  bool isComputing() const { return m_job.isRunning(); }
  // Saves the plot as PNG or PDF (by extension); false with "<path>: <problem>" in `error`.
  bool exportImage(const QString &path, QString *error);

Q_SIGNALS:
  // A new forecast is on screen (plot, stats and the accessors above agree).
  void forecastReady();

protected:
  void showEvent(QShowEvent *event) override;
  void changeEvent(QEvent *event) override;

private:
  // What a job computes: the one-step forecast (when asked for) and the multi-step one.
  struct Result {
    bool withOneStep = false;
    OneStepForecast oneStep;
    MultiStepForecast multiStep;
  };

  void retranslateUi();
  void inputsChanged(bool modelOrSeries);
  void updateMessage();
  void updateControls();
  void startJob();
  void onJobFinished(Result result);
  void showSeries();
  void showForecasts();
  QString statsText() const;
  std::int64_t seriesSize() const { return m_values ? std::int64_t(m_values->size()) : 0; }
  std::int64_t scoreFrom() const; // first scored point
  std::int64_t shownFrom() const; // first point of the truth line

  ForecastPlot *m_plot = nullptr;
  QSpinBox *m_horizonSpin = nullptr;
  QSlider *m_startSlider = nullptr;
  QLabel *m_startLabel = nullptr;
  QLabel *m_statsLabel = nullptr;
  QLabel *m_messageLabel = nullptr;
  QLabel *m_horizonLabel = nullptr, *m_fromLabel = nullptr;
  RefreshCoalescer *m_coalescer = nullptr;

  std::shared_ptr<const Model> m_model;
  std::shared_ptr<const std::vector<double>> m_values; // original units, shared read-only with the worker
  std::int64_t m_validationStart = 0;
  QString m_name;
  QString m_message;
  OneStepForecast m_oneStep;
  MultiStepForecast m_multiStep;
  bool m_oneStepCurrent = false; // m_oneStep belongs to the current model and series
  bool m_deferred = false;       // inputs changed while hidden: forecast when shown

  BackgroundJob<Result> m_job;
};

} // namespace lstm
