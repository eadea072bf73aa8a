#pragma once
// ModelConfig ⇄ JSON, shared by the model file header and (later) checkpoints.
#include "common/problem.h"
#include "model/model_config.h"

#include <QJsonObject>
#include <QString>

namespace lstm {

QJsonObject configToJson(const ModelConfig &config);
// Returns false and sets `problem` when a field is missing, of the wrong type or out of range.
// Does not call validate(); the caller does, to word its own message.
bool configFromJson(const QJsonObject &json, ModelConfig &config, Problem *problem);

} // namespace lstm
