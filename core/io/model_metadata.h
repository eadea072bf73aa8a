#pragma once
// The typed form of a model's metadata (Model::metadata, the "metadata" object of a model file's header). This
// file and its .cpp are the only places that know the metadata's keys; everything else reads and writes these
// structs. The JSON stays what the trainer has always written:
//
//   "series":   SeriesRecord   {"mean", "stddev", "column", "source", "validation_start",
//                                "generator", "seed", "length" | "path"}
//   "training": TrainingRecord {"corpus", "corpus_sha256", "corpus_characters", "corpus_format",
//                                "train_characters", "settings", "iterations", "epochs", "best_validation_loss",
//                                "best_iteration", "baselines": {"unigram", "bigram"}, "history_columns", "history"}
//   "lesson":   ExampleLesson  (core/explore/example_lesson.h)
//   "description", "source_file", "imported_from": text (imports)
//
// Reading never fails: a model with odd metadata still opens. Keys it does not know — and known keys whose value
// it cannot use — are kept in `unknown` (at every level) and written back unchanged, so toJson(readMetadata(x))
// gives x back for whatever the trainer wrote. Reentrant.
#include "common/problem.h"
#include "data/series_scaling.h"
#include "explore/example_lesson.h"
#include "train/training_record.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace lstm {

struct ModelMetadata {
  std::optional<SeriesRecord> series;     // series models
  std::optional<TrainingRecord> training; // trained by this program
  std::optional<ExampleLesson> lesson;    // shipped examples
  QString description;                    // "" = none
  QString sourceFile;                     // the file a model was imported from
  QString importedFrom;                   // "pytorch" for imported models
  // Why "series" cannot scale values ("" when it can or is absent): not an object, or its mean/stddev missing,
  // not finite, or stddev ≤ 0. `series` is then nullopt (not an object) or has no scaling.
  Problem seriesProblem;
  Problem lessonProblem;                  // why "lesson" was refused; `lesson` is then nullopt
  QJsonObject unknown;                    // keys (or unusable values) kept as they are
};

ModelMetadata readMetadata(const QJsonObject &json);
QJsonObject toJson(const ModelMetadata &metadata);

// The pieces on their own, for lesson files (`lstm-explorer-cli train --lesson`) and tests. readExampleLesson is
// strict where readMetadata keeps going: nullopt with `problem` set when `json` is not a lesson (no title, a layer
// without a unit, a negative unit, an unknown quantity).
std::optional<ExampleLesson> readExampleLesson(const QJsonObject &json, Problem *problem);
QJsonObject toJson(const ExampleLesson &lesson);
QJsonObject toJson(const SeriesRecord &series);
QJsonObject toJson(const TrainingRecord &training);

} // namespace lstm
