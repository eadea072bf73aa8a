#pragma once
// What a shipped example model teaches: stored in the model file as metadata "lesson" (written by
// `lstm-explorer-cli train --lesson FILE.json`), read by the example gallery and the first launch. The JSON form
// below is read and written by core/io/model_metadata (readExampleLesson, toJson).
//
//   "lesson": { "title": "Counting brackets", "summary": "<one paragraph: what to look at>",
//               "primer": "<text the explorer reads after loading>",
//               "layer": 0, "unit": 17, "quantity": "c",          // the unit and quantity to select
//               "feature": "bracket-depth",                        // text feature the unit tracks (unit discovery id)
//               "correlation": 0.97,                               // r of that unit with the feature, when measured
//               "command": "<the CLI command that trained this model>" }
//
// layer/unit/quantity are optional (a model may teach nothing about one unit); everything else is text.
#include "common/problem.h"
#include "model/model.h"
#include "trace.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace lstm {

struct ExampleLesson {
  QString title;
  QString summary;
  QString primer;
  int layer = -1;                       // −1: no unit to select
  int unit = -1;
  Quantity quantity = Quantity::Cell;
  QString feature;                      // "" when the lesson is not about a text feature
  double correlation = 0.0;             // 0 when not measured
  QString command;
  QJsonObject unknown;                  // keys this version does not know, written back unchanged

  bool hasUnit() const { return layer >= 0 && unit >= 0; }
  // The lesson of `model`, checked against its shape (layer < L, unit < H); nullopt without one or when invalid.
  static std::optional<ExampleLesson> of(const Model &model, Problem *problem = nullptr);
};

// "i", "f", "g", "o", "c", "h", "a_i" … → Quantity; false for anything else.
bool parseQuantity(const QString &text, Quantity &out);

} // namespace lstm
