#pragma once
// What the explorer's tape accepts from the user, and the sentences that refuse the rest.
#include "common/problem.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace lstm {

struct Model;

// The token ids of `text` for `model` (null without one). nullopt, with one sentence in `error`, for a model that
// does not read text (a series model's sentence says where series come from) or for a character outside the
// vocabulary, named with its code point and position (counted from 1).
std::optional<std::vector<std::int32_t>> textInput(const Model *model, const QString &text, QString *error);

// Why `model` (null without one) cannot read a series: empty when it can. `scalingProblem` is why the scaling in
// its metadata is unusable, unset when it is usable.
QString seriesRefusal(const Model *model, const Problem &scalingProblem);

// The sentence for a series whose value `index` (from 0) is not a finite number.
QString notFiniteRefusal(std::size_t index);

} // namespace lstm
