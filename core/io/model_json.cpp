#include "model_json.h"

#include <QJsonValue>

#include <cmath>

namespace lstm {

QJsonObject configToJson(const ModelConfig &config) {
  QJsonObject json;
  json[QStringLiteral("input")] = QString::fromLatin1(toString(config.input));
  json[QStringLiteral("head")] = QString::fromLatin1(toString(config.head));
  json[QStringLiteral("vocab_size")] = config.vocabSize;
  json[QStringLiteral("input_size")] = config.inputSize;
  json[QStringLiteral("embed_dim")] = config.embedDim;
  json[QStringLiteral("hidden_size")] = config.hiddenSize;
  json[QStringLiteral("num_layers")] = config.numLayers;
  json[QStringLiteral("output_size")] = config.outputSize;
  return json;
}

namespace {
bool readInt(const QJsonObject &json, const char *key, int &out, QString *problem) {
  const QJsonValue value = json.value(QLatin1String(key));
  const double number = value.toDouble(-1.0);
  if (!value.isDouble() || number != std::floor(number) || number < 0 || number > 2147483647.0) {
    if (problem)
      *problem = QStringLiteral("the field '%1' is missing or not a non-negative integer").arg(QLatin1String(key));
    return false;
  }
  out = int(number);
  return true;
}
} // namespace

bool configFromJson(const QJsonObject &json, ModelConfig &config, QString *problem) {
  ModelConfig c;
  const std::string input = json.value(QStringLiteral("input")).toString().toStdString();
  const std::string head = json.value(QStringLiteral("head")).toString().toStdString();
  if (!parseInputKind(input, c.input)) {
    if (problem)
      *problem = QStringLiteral("the input kind '%1' is unknown (expected onehot, embedding or dense)")
                     .arg(QString::fromStdString(input));
    return false;
  }
  if (!parseHeadKind(head, c.head)) {
    if (problem)
      *problem = QStringLiteral("the head kind '%1' is unknown (expected softmax or regression)")
                     .arg(QString::fromStdString(head));
    return false;
  }
  if (!readInt(json, "vocab_size", c.vocabSize, problem) || !readInt(json, "input_size", c.inputSize, problem) ||
      !readInt(json, "embed_dim", c.embedDim, problem) || !readInt(json, "hidden_size", c.hiddenSize, problem) ||
      !readInt(json, "num_layers", c.numLayers, problem) || !readInt(json, "output_size", c.outputSize, problem))
    return false;
  config = c;
  return true;
}

} // namespace lstm
