#pragma once
// Forecasting with series models: a Dense(1) → Regression(1) model that reads the scaled x_t and
// predicts the scaled x_{t+1}. One-step-ahead forecasts read the true values (teacher forcing); multi-step
// forecasts feed the model's own predictions back. Both are scored against the naive "last value" forecast, so a
// model that merely copies its input shows no gain. Values are in original units; the SeriesScaling in the model's
// metadata (SeriesRecord, core/io/model_metadata.h) maps them to the scaled values it was trained on.
// All functions are reentrant and may run on any thread; the model is only read.
#include "common/problem.h"
#include "data/series_csv.h"
#include "model/model.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace lstm {

// Dense input of width 1 and a regression head of width 1 (any H, L). Looks at the config only.
bool isSeriesModel(const Model &model);

// The scaling of the model's SeriesRecord; identity (mean 0, stddev 1) when it has none. nullopt, with the
// problem (ModelMetadata::seriesProblem), when the stored one is unusable: not an object, or its
// mean/stddev missing, not finite, or stddev ≤ 0.
std::optional<SeriesScaling> seriesScalingOf(const Model &model, Problem *problem = nullptr);

struct ForecastErrors {
  double rmse = 0.0;
  double mae = 0.0;
  std::int64_t count = 0; // predictions scored; 0 leaves rmse and mae at 0
};

struct OneStepForecast {
  std::int64_t first = 0;          // predictions[k] predicts values[first + k] (original units) …
  std::vector<double> predictions; // … from the true values before it (teacher forcing), state from zero at values[0]
  ForecastErrors model = {}, naive = {}; // naive = last value: predicts values[i] by values[i − 1]
  bool cancelled = false;          // stopped early: predictions and errors cover only what was computed
};

struct MultiStepForecast {
  std::int64_t start = 0;          // predictions[k] is the forecast of values[start + k]
  std::vector<double> predictions; // (horizon), fewer when cancelled
  ForecastErrors model = {}, naive = {}; // over the k with start + k < values.size(); naive repeats values[start − 1]
  bool cancelled = false;
};

// Runs the model over values[0, end) from a zero state and scores its predictions of values[scoreFrom, end).
// Preconditions: isSeriesModel(model), model.checkConsistency() true, a valid seriesScalingOf(model),
// 1 ≤ scoreFrom < end ≤ values.size(). `cancel` (may be null) is polled every step; once set the run stops.
// Allocates O(end − scoreFrom), nothing per step.
OneStepForecast forecastOneStep(const Model &model, std::span<const double> values, std::int64_t scoreFrom,
                                std::int64_t end, const std::atomic<bool> *cancel = nullptr);

// Reads the true values[0, start) as warm-up, then feeds its own predictions back for `horizon` steps.
// Preconditions: as forecastOneStep for the model, 1 ≤ start ≤ values.size(), horizon ≥ 1. start = values.size()
// forecasts past the end of the data (no errors). `cancel` as above.
MultiStepForecast forecastAutoregressive(const Model &model, std::span<const double> values, std::int64_t start,
                                         int horizon, const std::atomic<bool> *cancel = nullptr);

} // namespace lstm
