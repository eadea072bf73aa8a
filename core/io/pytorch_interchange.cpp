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
bool copyTensor(const QJsonValue &value, const ParameterBlock &block, MatrixMap<float> target, Problem *problem) {
  const QString name = QString::fromStdString(block.name);
  std::vector<qsizetype> shape;
  const std::vector<qsizetype> expected = block.isVector() ? std::vector<qsizetype>{block.rows}
                                                           : std::vector<qsizetype>{block.torchRows(), block.torchCols()};
  if (!tensorShape(value, shape))
    return report(problem, Problem(ProblemCode::InterchangeNotTensor).withField(name).withLimit(shapeText(expected)));
  if (shape != expected)
    return report(problem, Problem(ProblemCode::InterchangeShape)
                               .withField(name)
                               .withValue(shapeText(shape))
                               .withLimit(shapeText(expected)));
  const auto store = [&](int r, int c, const QJsonValue &number) {
    const double v = number.toDouble(std::nan(""));
    // Any double that rounds to a finite float32 is accepted (FLT_MAX's shortest text reads slightly above it).
    if (!number.isDouble() || !std::isfinite(float(v)))
      return report(problem, Problem(ProblemCode::InterchangeNotFinite, {QString::number(r), QString::number(c)})
                                 .withField(name));
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
    if (!row.isArray() || columns.size() != block.torchCols())
      return report(problem, Problem(ProblemCode::InterchangeRagged, {QString::number(r)}).withField(name));
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

std::optional<Model> parsePytorchInterchange(const QByteArray &json, Problem *problem) {
  auto fail = [&](Problem found) {
    report(problem, std::move(found));
    return std::nullopt;
  };
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
  if (parseError.error != QJsonParseError::NoError)
    return fail(Problem(ProblemCode::InterchangeInvalidJson, {QString::number(parseError.offset)})
                    .withValue(parseError.errorString()));
  const QJsonObject root = document.object();
  if (root.value(QStringLiteral("format")).toString() != QLatin1String(kPytorchInterchangeFormat))
    return fail(Problem(ProblemCode::InterchangeWrongFormat).withValue(QLatin1String(kPytorchInterchangeFormat)));

  const QJsonArray vocab = root.value(QStringLiteral("vocab")).toArray();
  if (vocab.isEmpty())
    return fail(Problem(ProblemCode::InterchangeNoVocabulary));
  std::vector<char32_t> symbols;
  for (qsizetype id = 0; id < vocab.size(); ++id) {
    const QList<uint> codePoints = vocab[id].toString().toUcs4();
    if (!vocab[id].isString() || codePoints.size() != 1)
      return fail(Problem(ProblemCode::InterchangeVocabularyEntry).withValue(QString::number(id)));
    symbols.push_back(char32_t(codePoints.front()));
  }
  Problem vocabularyProblem;
  auto vocabulary = Vocabulary::create(std::move(symbols), &vocabularyProblem);
  if (!vocabulary)
    return fail(vocabularyProblem);

  const QJsonObject stateDict = root.value(QStringLiteral("state_dict")).toObject();
  if (stateDict.isEmpty())
    return fail(Problem(ProblemCode::InterchangeNoStateDict));
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
    return fail(Problem(ProblemCode::InterchangeNoLstm));
  if (Problem issue; !config.validate(&issue))
    return fail(Problem(ProblemCode::InterchangeImpossible).because(issue));

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
      return fail(Problem(ProblemCode::InterchangeMissingTensor).withField(name));
    Problem tensorProblem;
    if (!copyTensor(stateDict.value(name), block, model.parameters.block(index), &tensorProblem))
      return fail(tensorProblem);
  }
  for (auto it = stateDict.begin(); it != stateDict.end(); ++it)
    if (!known.count(it.key()))
      return fail(Problem(ProblemCode::InterchangeUnsupportedTensor).withField(it.key()));
  ModelMetadata metadata = readMetadata(root.value(QStringLiteral("metadata")).toObject()); // the exporter's, kept
  metadata.importedFrom = QStringLiteral("pytorch");
  model.metadata = toJson(metadata);
  return model;
}

std::optional<Model> importPytorchInterchange(const QString &path, Problem *problem) {
  QFile file(path);
  std::optional<Model> model;
  if (!file.open(QIODevice::ReadOnly))
    report(problem, Problem(ProblemCode::SystemError).withValue(file.errorString()));
  else if (file.size() > kMaxInterchangeBytes)
    report(problem, Problem(ProblemCode::InterchangeTooLarge));
  else
    model = parsePytorchInterchange(file.readAll(), problem);
  if (!model)
    setProblemFile(problem, path);
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
