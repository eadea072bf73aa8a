#include "forecast.h"

#include "io/model_metadata.h"
#include "stepper.h"

#include <cmath>
#include <memory>

namespace lstm {

namespace {

// Sums of squared and absolute errors, turned into RMSE and MAE at the end.
struct ErrorSums {
  double squared = 0.0;
  double absolute = 0.0;
  std::int64_t count = 0;

  void add(double predicted, double truth) {
    const double e = predicted - truth;
    squared += e * e;
    absolute += std::abs(e);
    ++count;
  }
  ForecastErrors result() const {
    if (count == 0)
      return {};
    return {std::sqrt(squared / double(count)), absolute / double(count), count};
  }
};

bool cancelled(const std::atomic<bool> *cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

// The model outlives the call, so the stepper borrows it through a non-owning shared_ptr.
std::shared_ptr<const Model> borrow(const Model &model) { return {std::shared_ptr<const Model>(), &model}; }

bool usable(const Model &model) { return isSeriesModel(model) && model.checkConsistency(); }

} // namespace

bool isSeriesModel(const Model &model) {
  const ModelConfig &c = model.config;
  return c.input == InputKind::Dense && c.inputSize == 1 && c.head == HeadKind::Regression && c.outputSize == 1;
}

std::optional<SeriesScaling> seriesScalingOf(const Model &model, Problem *problem) {
  const ModelMetadata metadata = readMetadata(model.metadata);
  if (metadata.seriesProblem.isSet()) {
    report(problem, metadata.seriesProblem);
    return std::nullopt;
  }
  return metadata.series && metadata.series->scaling ? *metadata.series->scaling : SeriesScaling{};
}

OneStepForecast forecastOneStep(const Model &model, std::span<const double> values, std::int64_t scoreFrom,
                                std::int64_t end, const std::atomic<bool> *cancel) {
  OneStepForecast result;
  result.first = scoreFrom;
  const auto scaling = seriesScalingOf(model);
  if (!usable(model) || !scaling || scoreFrom < 1 || end <= scoreFrom || end > std::int64_t(values.size()))
    return result;
  result.predictions.reserve(std::size_t(end - scoreFrom));
  // Unrecorded steps only move the state on: no trace, so a long run allocates nothing per step.
  Stepper stepper(borrow(model), 1);
  stepper.setRecording(false);
  ErrorSums modelErrors, naiveErrors;
  // Step t reads values[t] and predicts values[t + 1]; values[end − 1] is never read.
  for (std::int64_t t = 0; t + 1 < end; ++t) {
    if (cancelled(cancel)) {
      result.cancelled = true;
      break;
    }
    const float input = float(scaling->apply(values[std::size_t(t)]));
    const StepResult &step = stepper.step(std::span<const float>(&input, 1));
    const std::int64_t target = t + 1;
    if (target < scoreFrom)
      continue;
    const double predicted = scaling->invert(double(step.output(0)));
    const double truth = values[std::size_t(target)];
    result.predictions.push_back(predicted);
    modelErrors.add(predicted, truth);
    naiveErrors.add(values[std::size_t(target - 1)], truth);
  }
  result.model = modelErrors.result();
  result.naive = naiveErrors.result();
  return result;
}

MultiStepForecast forecastAutoregressive(const Model &model, std::span<const double> values, std::int64_t start,
                                         int horizon, const std::atomic<bool> *cancel) {
  MultiStepForecast result;
  result.start = start;
  const auto scaling = seriesScalingOf(model);
  const auto size = std::int64_t(values.size());
  if (!usable(model) || !scaling || start < 1 || start > size || horizon < 1)
    return result;
  result.predictions.reserve(std::size_t(horizon));
  // Unrecorded steps only move the state on: no trace, so a long run allocates nothing per step.
  Stepper stepper(borrow(model), 1);
  stepper.setRecording(false);
  // Warm-up: the true values[0, start − 1) only move the state on.
  for (std::int64_t t = 0; t + 1 < start; ++t) {
    if (cancelled(cancel)) {
      result.cancelled = true;
      return result;
    }
    const float input = float(scaling->apply(values[std::size_t(t)]));
    stepper.step(std::span<const float>(&input, 1));
  }
  // The last true value, then each scaled prediction as the next input. Feeding the model's float output
  // itself (not apply(invert(·))) keeps the loop exactly what the model would see in scaled units.
  float input = float(scaling->apply(values[std::size_t(start - 1)]));
  const double lastKnown = values[std::size_t(start - 1)];
  ErrorSums modelErrors, naiveErrors;
  for (int k = 0; k < horizon; ++k) {
    if (cancelled(cancel)) {
      result.cancelled = true;
      break;
    }
    const StepResult &step = stepper.step(std::span<const float>(&input, 1));
    input = step.output(0);
    const double predicted = scaling->invert(double(input));
    result.predictions.push_back(predicted);
    if (start + k < size) {
      const double truth = values[std::size_t(start + k)];
      modelErrors.add(predicted, truth);
      naiveErrors.add(lastKnown, truth);
    }
  }
  result.model = modelErrors.result();
  result.naive = naiveErrors.result();
  return result;
}

} // namespace lstm
