#pragma once
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>

namespace lstm {

// z-score normalisation fitted on training data and kept with the model: apply() before the model, invert() on
// its outputs. A constant (or empty) series gets stddev 1, so it maps to zeros instead of dividing by zero.
struct SeriesScaling {
  double mean = 0.0;
  double stddev = 1.0; // population standard deviation, > 0

  double apply(double value) const { return (value - mean) / stddev; }
  double invert(double scaled) const { return scaled * stddev + mean; }
  // Precondition: every value is finite.
  static SeriesScaling fit(std::span<const double> values);
};

// What a series model keeps about the series it was trained on (its metadata "series", read and written by
// core/io/model_metadata): the scaling of its inputs and outputs, and where the values come from, so the forecast
// view can regenerate or re-read them.
struct SeriesRecord {
  std::optional<SeriesScaling> scaling;       // nullopt when the stored one is unusable (see ModelMetadata::seriesProblem)
  QString column;                             // the series' name: CSV column or generator id
  QString source;                             // the corpus as the user knows it ("weather.csv", "sines (seed 1)")
  std::optional<std::int64_t> validationStart; // index of the first held-out value
  // Where the values come from: a generator (non-empty id) or, when there is none, the CSV file at `path`.
  QString generator;
  std::uint64_t seed = 0;
  std::int64_t length = 0;
  QString path;
  QJsonObject unknown;                        // keys this version does not know, written back unchanged
};

} // namespace lstm
