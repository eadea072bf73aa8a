#include "pytorch_interchange.h"

#include "data/utf8.h"
#include "json_text.h"
#include "model_metadata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <set>

namespace lstm {

namespace {

constexpr qint64 kMaxInterchangeBytes = qint64(4) << 30;

// Shape of a rectangular nested list of numbers: {} for a number, {n} for a list of numbers, {r, c} ….
// Returns false for ragged lists and non-numbers.
bool tensorShape(const QJsonValue &value, std::vector<qsizetype> &shape) {
  shape.clear();
  QJsonValue probe = value;
  while (probe.isArray()) {
    const QJsonArray array = probe.toArray();
    shape.push_back(array.size());
    if (array.isEmpty())
      return true;
    probe = array.first();
  }
  return probe.isDouble();
}

QString shapeText(const std::vector<qsizetype> &shape) {
  QStringList parts;
  for (qsizetype n : shape)
    parts << QString::number(n);
  return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

// Copies a torch tensor into our block, checking shape, raggedness and finiteness.
bool copyTensor(const QJsonValue &value, const ParameterBlock &block, MatrixMap<float> target, QString *problem) {
  const QString name = QString::fromStdString(block.name);
  std::vector<qsizetype> shape;
  const std::vector<qsizetype> expected = block.isVector() ? std::vector<qsizetype>{block.rows}
                                                           : std::vector<qsizetype>{block.torchRows(), block.torchCols()};
  if (!tensorShape(value, shape) || shape != expected) {
    *problem = QStringLiteral("%1 has shape %2 but the model needs %3")
                   .arg(name, tensorShape(value, shape) ? shapeText(shape) : QStringLiteral("(not a list of numbers)"),
                        shapeText(expected));
    return false;
  }
  const auto store = [&](int r, int c, const QJsonValue &number) {
    const double v = number.toDouble(std::nan(""));
    // Any double that rounds to a finite float32 is accepted (FLT_MAX's shortest text reads slightly above it).
    if (!number.isDouble() || !std::isfinite(float(v))) {
      *problem = QStringLiteral("%1[%2][%3] is not a finite float32 number").arg(name).arg(r).arg(c);
      return false;
    }
    if (block.torchTransposed)
      target(c, r) = float(v);
    else
      target(r, c) = float(v);
    return true;
  };
  const QJsonArray rows = value.toArray();
  if (block.isVector()) {
    for (int r = 0; r < block.rows; ++r)
      if (!store(r, 0, rows[r]))
        return false;
    return true;
  }
  for (int r = 0; r < block.torchRows(); ++r) {
    const QJsonValue row = rows[r];
    const QJsonArray columns = row.toArray();
    if (!row.isArray() || columns.size() != block.torchCols()) {
      *problem = QStringLiteral("%1 row %2 has the wrong length (ragged list)").arg(name).arg(r);
      return false;
    }
    for (int c = 0; c < block.torchCols(); ++c)
      if (!store(r, c, columns[c]))
        return false;
  }
  return true;
}

int dimension(const QJsonObject &stateDict, const QString &key, int axis) {
  std::vector<qsizetype> shape;
  if (!tensorShape(stateDict.value(key), shape) || int(shape.size()) <= axis || shape[std::size_t(axis)] > INT32_MAX)
    return -1;
  return int(shape[std::size_t(axis)]);
}

} // namespace

std::optional<Model> parsePytorchInterchange(const QByteArray &json, QString *problem) {
  auto fail = [&](const QString &text) {
    if (problem)
      *problem = text;
    return std::nullopt;
  };
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
  if (parseError.error != QJsonParseError::NoError)
    return fail(QStringLiteral("invalid JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
  const QJsonObject root = document.object();
  if (root.value(QStringLiteral("format")).toString() != QLatin1String(kPytorchInterchangeFormat))
    return fail(QStringLiteral("not a PyTorch interchange file: \"format\" must be \"%1\"")
                    .arg(QLatin1String(kPytorchInterchangeFormat)));

  const QJsonArray vocab = root.value(QStringLiteral("vocab")).toArray();
  if (vocab.isEmpty())
    return fail(QStringLiteral("\"vocab\" is missing or empty"));
  std::vector<char32_t> symbols;
  for (qsizetype id = 0; id < vocab.size(); ++id) {
    const QList<uint> codePoints = vocab[id].toString().toUcs4();
    if (!vocab[id].isString() || codePoints.size() != 1)
      return fail(QStringLiteral("vocab entry %1 must be a string of exactly one Unicode character").arg(id));
    symbols.push_back(char32_t(codePoints.front()));
  }
  std::string vocabularyProblem;
  auto vocabulary = Vocabulary::create(std::move(symbols), &vocabularyProblem);
  if (!vocabulary)
    return fail(QString::fromStdString(vocabularyProblem));

  const QJsonObject stateDict = root.value(QStringLiteral("state_dict")).toObject();
  if (stateDict.isEmpty())
    return fail(QStringLiteral("\"state_dict\" is missing or empty"));
  ModelConfig config;
  config.vocabSize = vocabulary->size();
  config.head = HeadKind::Softmax;
  if (stateDict.contains(QStringLiteral("embedding.weight"))) {
    config.input = InputKind::Embedding;
    config.embedDim = dimension(stateDict, QStringLiteral("embedding.weight"), 1);
  }
  config.hiddenSize = dimension(stateDict, QStringLiteral("lstm.weight_hh_l0"), 1);
  config.numLayers = 0;
  while (stateDict.contains(QStringLiteral("lstm.weight_ih_l%1").arg(config.numLayers)))
    ++config.numLayers;
  if (config.numLayers == 0 || config.hiddenSize < 1)
    return fail(QStringLiteral("the state_dict has no lstm.weight_ih_l0 / lstm.weight_hh_l0"));
  if (const std::string issue = config.validate(); !issue.empty())
    return fail(QStringLiteral("the tensors describe an impossible model: %1").arg(QString::fromStdString(issue)));

  Model model;
  model.config = config;
  model.vocabulary = std::move(*vocabulary);
  model.parameters = Parameters<float>(config);
  std::set<QString> known;
  const auto &blocks = model.parameters.layout().blocks();
  for (int index = 0; index < int(blocks.size()); ++index) {
    const ParameterBlock &block = blocks[std::size_t(index)];
    const QString name = QString::fromStdString(block.name);
    known.insert(name);
    if (!stateDict.contains(name))
      return fail(QStringLiteral("the state_dict has no %1").arg(name));
    QString tensorProblem;
    if (!copyTensor(stateDict.value(name), block, model.parameters.block(index), &tensorProblem))
      return fail(tensorProblem);
  }
  for (auto it = stateDict.begin(); it != stateDict.end(); ++it)
    if (!known.count(it.key()))
      return fail(QStringLiteral("the state_dict has %1, which this importer does not support (only a unidirectional "
                                 "nn.LSTM without projections, an optional nn.Embedding and an nn.Linear head)")
                      .arg(it.key()));
  ModelMetadata metadata = readMetadata(root.value(QStringLiteral("metadata")).toObject()); // the exporter's, kept
  metadata.importedFrom = QStringLiteral("pytorch");
  model.metadata = toJson(metadata);
  return model;
}

std::optional<Model> importPytorchInterchange(const QString &path, QString *error) {
  QFile file(path);
  QString problem;
  std::optional<Model> model;
  if (!file.open(QIODevice::ReadOnly))
    problem = file.errorString();
  else if (file.size() > kMaxInterchangeBytes)
    problem = QStringLiteral("the file is larger than 4 GiB");
  else
    model = parsePytorchInterchange(file.readAll(), &problem);
  if (!model && error)
    *error = QStringLiteral("%1: %2").arg(path, problem);
  return model;
}

std::string exportPytorchInterchange(const Model &model) {
  std::string out = "{\"format\":\"";
  out += kPytorchInterchangeFormat;
  out += "\",\"vocab\":[";
  for (int id = 0; id < model.vocabulary.size(); ++id) {
    if (id)
      out += ',';
    appendJsonString(out, encodeUtf8(model.vocabulary.symbol(id)));
  }
  out += "],\"state_dict\":{";
  const auto &blocks = model.parameters.layout().blocks();
  for (std::size_t index = 0; index < blocks.size(); ++index) {
    if (index)
      out += ',';
    appendJsonString(out, blocks[index].name);
    out += ':';
    appendTorchTensor(out, blocks[index], model.parameters.data() + blocks[index].offset);
  }
  out += "}}";
  return out;
}

} // namespace lstm
