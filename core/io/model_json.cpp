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
bool readInt(const QJsonObject &json, const char *key, int &out, Problem *problem) {
  const QJsonValue value = json.value(QLatin1String(key));
  const double number = value.toDouble(-1.0);
  if (!value.isDouble() || number != std::floor(number) || number < 0 || number > 2147483647.0)
    return report(problem, Problem(ProblemCode::ConfigFieldNotInteger).withField(QLatin1String(key)));
  out = int(number);
  return true;
}
} // namespace

bool configFromJson(const QJsonObject &json, ModelConfig &config, Problem *problem) {
  ModelConfig c;
  const std::string input = json.value(QStringLiteral("input")).toString().toStdString();
  const std::string head = json.value(QStringLiteral("head")).toString().toStdString();
  if (!parseInputKind(input, c.input))
    return report(problem, Problem(ProblemCode::ConfigUnknownInput).withValue(QString::fromStdString(input)));
  if (!parseHeadKind(head, c.head))
    return report(problem, Problem(ProblemCode::ConfigUnknownHead).withValue(QString::fromStdString(head)));
  if (!readInt(json, "vocab_size", c.vocabSize, problem) || !readInt(json, "input_size", c.inputSize, problem) ||
      !readInt(json, "embed_dim", c.embedDim, problem) || !readInt(json, "hidden_size", c.hiddenSize, problem) ||
      !readInt(json, "num_layers", c.numLayers, problem) || !readInt(json, "output_size", c.outputSize, problem))
    return false;
  config = c;
  return true;
}

} // namespace lstm
