#pragma once
// What a trained model records about its run (its metadata "training", read and written by
// core/io/model_metadata): the corpus it saw, the settings, how far it got and how well it did.
// Trainer::trainingRecord() fills it; the example gallery and `lstm-explorer-cli info` show it.
#include "trainer_config.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace lstm {

struct HistoryPoint {
  std::int64_t iteration;
  double epoch, trainLoss, validationLoss; // validationLoss NaN when there was no validation text
};

struct TrainingRecord {
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

  QString corpus;                        // the corpus's name: file name, or generator and seed
  QByteArray corpusSha256;               // lowercase hex
  std::int64_t corpusCharacters = 0;     // characters (series: values) of the whole corpus …
  std::int64_t trainCharacters = 0;      // … and of its training part
  QString corpusFormat;                  // "text", "fortune" or "series"
  std::optional<TrainerConfig> settings; // nullopt when the stored settings cannot be read
  std::int64_t iterations = 0;
  double epochs = 0.0;
  double bestValidationLoss = kNone;     // NaN: never validated
  std::int64_t bestIteration = -1;
  double unigramBaseline = kNone;        // Baselines::unigram and bigram on the validation text (NaN: unknown)
  double bigramBaseline = kNone;
  std::vector<HistoryPoint> history;     // one point per validation pass
  QJsonObject unknown;                   // keys this version does not know, written back unchanged
};

} // namespace lstm
