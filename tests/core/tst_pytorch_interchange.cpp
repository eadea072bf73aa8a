// The PyTorch interchange file (core/io/pytorch_interchange.h): the committed PyTorch exports import with the
// shape their tensors describe and the values they hold; export → parse is bit-exact; every malformed file is
// refused with a message naming the problem (and the tensor, when one is at fault).
#include "fixture_loader.h"
#include "english_problem.h"
#include "io/model_metadata.h"
#include "test_models.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cmath>
#include <cstring>
#include <limits>

using namespace lstm;
using lstm::test::english;

namespace {

QByteArray toBytes(const QJsonObject &root) { return QJsonDocument(root).toJson(QJsonDocument::Compact); }

QJsonObject stateDictOf(const QJsonObject &root) { return root.value(QStringLiteral("state_dict")).toObject(); }

// `root` with one state_dict entry set (or, for an undefined `value`, removed).
QJsonObject withTensor(QJsonObject root, const QString &name, const QJsonValue &value) {
  QJsonObject stateDict = stateDictOf(root);
  if (value.isUndefined())
    stateDict.remove(name);
  else
    stateDict[name] = value;
  root[QStringLiteral("state_dict")] = stateDict;
  return root;
}

// `root` with element [row][column] of a matrix tensor (or [row] of a vector when column < 0) replaced.
QJsonObject withElement(const QJsonObject &root, const QString &name, int row, int column, const QJsonValue &value) {
  QJsonArray tensor = stateDictOf(root).value(name).toArray();
  if (column < 0) {
    tensor[row] = value;
  } else {
    QJsonArray line = tensor[row].toArray();
    line[column] = value;
    tensor[row] = line;
  }
  return withTensor(root, name, tensor);
}

QJsonObject withKey(QJsonObject root, const QString &key, const QJsonValue &value) {
  if (value.isUndefined())
    root.remove(key);
  else
    root[key] = value;
  return root;
}

std::vector<qsizetype> shapeOf(const QJsonValue &tensor) {
  std::vector<qsizetype> shape;
  for (QJsonValue probe = tensor; probe.isArray(); probe = probe.toArray().first())
    shape.push_back(probe.toArray().size());
  return shape;
}

// A softmax model over `symbols` with random weights; `bits` fills every parameter with random finite bit patterns
// (every exponent, subnormals, both zeros) instead of PyTorch's initialisation.
Model makeModel(InputKind input, int layers, const QString &symbols, bool bits) {
  Model model;
  const QList<uint> codePoints = symbols.toUcs4();
  model.vocabulary = *Vocabulary::create(std::vector<char32_t>(codePoints.begin(), codePoints.end()));
  model.config = test::smallConfig(input, HeadKind::Softmax, layers);
  model.config.vocabSize = model.vocabulary.size();
  // The importer leaves the fields this model does not use at 0; do the same so whole configs compare.
  model.config.inputSize = 0;
  model.config.outputSize = 0;
  if (input != InputKind::Embedding)
    model.config.embedDim = 0;
  model.parameters = test::randomParameters<float>(model.config, 29, 3.0);
  if (bits) {
    Rng rng(31);
    for (float &value : model.parameters.flat()) {
      do {
        const auto pattern = std::uint32_t(rng.next());
        std::memcpy(&value, &pattern, sizeof value);
      } while (!std::isfinite(value));
    }
  }
  // Awkward float32 values (see edgeFloats for −0 and |v| > 3e38).
  const float edges[] = {0.0f, std::numeric_limits<float>::denorm_min(), -std::numeric_limits<float>::min(),
                         2.9e38f, -2.9e38f, 1.0f / 3.0f};
  std::memcpy(model.parameters.data(), edges, sizeof edges);
  return model;
}

std::uint32_t bitsOf(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

} // namespace

class TestPytorchInterchange : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void importsFixture_data();
  void importsFixture();
  void exportRoundTrip_data();
  void exportRoundTrip();
  void edgeFloats_data();
  void edgeFloats();
  void rejects_data();
  void rejects();
  void fileErrorsNamePath();
};

void TestPytorchInterchange::importsFixture_data() {
  QTest::addColumn<QString>("file");
  const QStringList files = QDir(QStringLiteral(LSTM_FIXTURE_DIR))
                                .entryList({QStringLiteral("interchange_*.json")}, QDir::Files, QDir::Name);
  QVERIFY(files.size() >= 4);
  for (const QString &file : files)
    QTest::newRow(qPrintable(file)) << file;
}

void TestPytorchInterchange::importsFixture() {
  QFETCH(QString, file);
  // What the JSON itself says: V from the vocabulary, E, H and L from the tensors' shapes and names.
  const QJsonObject root = test::readJsonFixture(file);
  const QJsonArray vocab = root.value(QStringLiteral("vocab")).toArray();
  const QJsonObject stateDict = stateDictOf(root);
  const bool embedded = stateDict.contains(QStringLiteral("embedding.weight"));
  const auto hh = shapeOf(stateDict.value(QStringLiteral("lstm.weight_hh_l0")));
  QCOMPARE(hh.size(), std::size_t(2));
  int layers = 0;
  const QRegularExpression layerKey(QStringLiteral("^lstm\\.weight_ih_l(\\d+)$"));
  for (const QString &key : stateDict.keys())
    if (const auto match = layerKey.match(key); match.hasMatch())
      layers = std::max(layers, match.captured(1).toInt() + 1);

  Problem error;
  const auto model = importPytorchInterchange(test::fixturePath(file), &error);
  QVERIFY2(model, qPrintable(english(error)));
  const ModelConfig &config = model->config;
  QCOMPARE(config.input, embedded ? InputKind::Embedding : InputKind::OneHot);
  QCOMPARE(config.head, HeadKind::Softmax);
  QCOMPARE(config.vocabSize, int(vocab.size()));
  QCOMPARE(config.embedDim,
           embedded ? int(shapeOf(stateDict.value(QStringLiteral("embedding.weight"))).at(1)) : 0);
  QCOMPARE(config.hiddenSize, int(hh[1]));
  QCOMPARE(int(hh[0]), 4 * config.hiddenSize);
  QCOMPARE(config.numLayers, layers);
  QVERIFY(model->checkConsistency());

  for (int id = 0; id < int(vocab.size()); ++id) {
    const char32_t symbol = model->vocabulary.symbol(id);
    QCOMPARE(QString::fromUcs4(&symbol, 1), vocab[id].toString());
  }
  QCOMPARE(readMetadata(model->metadata).importedFrom, QStringLiteral("pytorch"));

  // Every tensor element lands where PyTorch had it (the embedding transposed), as the nearest float32.
  const auto &blocks = model->parameters.layout().blocks();
  QCOMPARE(qsizetype(blocks.size()), stateDict.size());
  for (int index = 0; index < int(blocks.size()); ++index) {
    const ParameterBlock &block = blocks[std::size_t(index)];
    const auto ours = model->parameters.block(index);
    const std::vector<double> theirs = test::flatten(stateDict.value(QString::fromStdString(block.name)));
    QCOMPARE(qint64(theirs.size()), block.size());
    for (int r = 0; r < block.torchRows(); ++r)
      for (int c = 0; c < block.torchCols(); ++c) {
        const float value = block.torchTransposed ? ours(c, r) : ours(r, c);
        if (value != float(theirs[std::size_t(r * block.torchCols() + c)]))
          QFAIL(qPrintable(QStringLiteral("%1[%2][%3]").arg(QString::fromStdString(block.name)).arg(r).arg(c)));
      }
  }
}

void TestPytorchInterchange::exportRoundTrip_data() {
  QTest::addColumn<int>("input");
  QTest::addColumn<int>("layers");
  QTest::addColumn<QString>("symbols");
  QTest::addColumn<bool>("bits");
  const auto row = [](const char *name, InputKind input, int layers, const QString &symbols, bool bits) {
    QTest::newRow(name) << int(input) << layers << symbols << bits;
  };
  row("onehot L1", InputKind::OneHot, 1, QStringLiteral("abcde"), false);
  row("embedding L2", InputKind::Embedding, 2, QStringLiteral("helo wrd"), false);
  row("onehot L2 chinese", InputKind::OneHot, 2, QStringLiteral("床前明月光，疑是地上霜。\n😀"), false);
  row("embedding L3 escapes", InputKind::Embedding, 3, QStringLiteral("\"\\/\t\r\b\f\x01\x7fé"), false);
  row("onehot L1 random bit patterns", InputKind::OneHot, 1, QStringLiteral("xyz"), true);
  row("embedding L2 random bit patterns", InputKind::Embedding, 2, QStringLiteral("中文字"), true);
}

void TestPytorchInterchange::exportRoundTrip() {
  QFETCH(int, input);
  QFETCH(int, layers);
  QFETCH(QString, symbols);
  QFETCH(bool, bits);
  const Model model = makeModel(InputKind(input), layers, symbols, bits);
  QVERIFY(model.checkConsistency());
  const std::string text = exportPytorchInterchange(model);
  Problem problem;
  const auto parsed = parsePytorchInterchange(QByteArray::fromStdString(text), &problem);
  QVERIFY2(parsed, qPrintable(english(problem)));
  QVERIFY(parsed->config == model.config);
  QVERIFY(parsed->vocabulary == model.vocabulary);
  QCOMPARE(parsed->parameters.size(), model.parameters.size());
  for (qint64 k = 0; k < model.parameters.size(); ++k) {
    const float sent = model.parameters.data()[k], received = parsed->parameters.data()[k];
    if (bitsOf(sent) != bitsOf(received))
      QFAIL(qPrintable(QStringLiteral("parameter %1: %2 came back as %3")
                           .arg(k)
                           .arg(double(sent), 0, 'a')
                           .arg(double(received), 0, 'a')));
  }
}

void TestPytorchInterchange::edgeFloats_data() {
  QTest::addColumn<float>("value");
  QTest::newRow("-0") << -0.0f;
  QTest::newRow("smallest subnormal") << std::numeric_limits<float>::denorm_min();
  QTest::newRow("largest subnormal") << std::nextafter(std::numeric_limits<float>::min(), 0.0f);
  QTest::newRow("smallest normal") << std::numeric_limits<float>::min();
  QTest::newRow("3e38") << 3.0e38f;
  QTest::newRow("3.1e38") << 3.1e38f;
  QTest::newRow("max") << std::numeric_limits<float>::max();
  QTest::newRow("lowest") << std::numeric_limits<float>::lowest();
}

// One awkward value in every tensor position class (first weight, a bias, the head) through export → parse.
void TestPytorchInterchange::edgeFloats() {
  QFETCH(float, value);
  Model model = makeModel(InputKind::Embedding, 1, QStringLiteral("abc"), false);
  const auto &blocks = model.parameters.layout().blocks();
  for (const ParameterBlock &block : blocks)
    model.parameters.data()[block.offset + block.size() - 1] = value;
  Problem problem;
  const auto parsed = parsePytorchInterchange(QByteArray::fromStdString(exportPytorchInterchange(model)), &problem);
  // Every finite float32 survives, up to ±FLT_MAX (whose shortest text reads back slightly above it as a double).
  QVERIFY2(parsed, qPrintable(english(problem)));
  for (const ParameterBlock &block : blocks) {
    const float received = parsed->parameters.data()[block.offset + block.size() - 1];
    QCOMPARE(received, value);
    // Qt 6.4's JSON parser reads -0, -0.0 and -0e0 as the integer 0, so the sign of a zero cannot survive
    // QJsonDocument (PyTorch itself writes -0.0); every other value comes back bit for bit.
    if (value != 0.0f)
      QCOMPARE(bitsOf(received), bitsOf(value));
  }
}

void TestPytorchInterchange::rejects_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QStringList>("phrases");
  const QJsonObject base = test::readJsonFixture(QStringLiteral("interchange_onehot_l1.json")); // V 7, H 5, L 1
  const QJsonObject deep = test::readJsonFixture(QStringLiteral("interchange_embedding_l3.json"));
  const auto row = [](const char *name, const QByteArray &json, const QStringList &phrases) {
    QTest::newRow(name) << json << phrases;
  };
  const auto vocab = [&](const QJsonValue &value) { return toBytes(withKey(base, QStringLiteral("vocab"), value)); };
  const auto tensor = [&](const char *name, const QJsonValue &value) {
    return toBytes(withTensor(base, QLatin1String(name), value));
  };
  const auto element = [&](const char *name, int r, int c, const QJsonValue &value) {
    return toBytes(withElement(base, QLatin1String(name), r, c, value));
  };
  const QString json = QStringLiteral("invalid JSON");
  const QString format = QStringLiteral("not a PyTorch interchange file: \"format\" must be \"lstm-explorer/pytorch-lstm-v1\"");
  const QString vocabEmpty = QStringLiteral("\"vocab\" is missing or empty");
  const QString oneCharacter = QStringLiteral("must be a string of exactly one Unicode character");
  const QString stateDictEmpty = QStringLiteral("\"state_dict\" is missing or empty");
  const QString notFinite = QStringLiteral("is not a finite float32 number");
  const QString unsupported = QStringLiteral("which this importer does not support");

  row("cut short", toBytes(base).left(100), {json, QStringLiteral("at byte")});
  row("empty", QByteArray(), {json});
  row("not JSON", QByteArray("state_dict = {}"), {json});
  row("top-level array", QByteArray("[1, 2]"), {format});
  row("wrong format", toBytes(withKey(base, QStringLiteral("format"), QStringLiteral("lstm-explorer/pytorch-lstm-v2"))),
      {format});
  row("no format", toBytes(withKey(base, QStringLiteral("format"), QJsonValue::Undefined)), {format});
  row("no vocab", vocab(QJsonValue::Undefined), {vocabEmpty});
  row("empty vocab", vocab(QJsonArray()), {vocabEmpty});
  row("vocab a string", vocab(QStringLiteral("abcdefg")), {vocabEmpty});
  const QJsonArray letters = base.value(QStringLiteral("vocab")).toArray();
  const auto vocabWith = [&](int id, const QJsonValue &value) {
    QJsonArray symbols = letters;
    symbols[id] = value;
    return vocab(symbols);
  };
  row("two characters", vocabWith(2, QStringLiteral("ab")), {QStringLiteral("vocab entry 2"), oneCharacter});
  row("empty string", vocabWith(0, QString()), {QStringLiteral("vocab entry 0"), oneCharacter});
  row("number", vocabWith(6, 103), {QStringLiteral("vocab entry 6"), oneCharacter});
  row("duplicate", vocabWith(5, QStringLiteral("a")), {QStringLiteral("vocabulary entry 5"), QStringLiteral("appears twice")});
  row("vocab longer than tensors", vocab(QJsonArray(letters) << QStringLiteral("z")),
      {QStringLiteral("lstm.weight_ih_l0 has shape (20, 7) but the model needs (20, 8)")});
  row("no state_dict", toBytes(withKey(base, QStringLiteral("state_dict"), QJsonValue::Undefined)), {stateDictEmpty});
  row("empty state_dict", toBytes(withKey(base, QStringLiteral("state_dict"), QJsonObject())), {stateDictEmpty});
  row("no lstm.bias_hh_l0", tensor("lstm.bias_hh_l0", QJsonValue::Undefined),
      {QStringLiteral("the state_dict has no lstm.bias_hh_l0")});
  row("no head.weight", tensor("head.weight", QJsonValue::Undefined), {QStringLiteral("the state_dict has no head.weight")});
  row("no lstm.weight_ih_l0", tensor("lstm.weight_ih_l0", QJsonValue::Undefined),
      {QStringLiteral("no lstm.weight_ih_l0 / lstm.weight_hh_l0")});
  QJsonArray headWeight = stateDictOf(base).value(QStringLiteral("head.weight")).toArray();
  row("head.weight 8 rows", tensor("head.weight", QJsonArray(headWeight) << headWeight.first()),
      {QStringLiteral("head.weight has shape (8, 5) but the model needs (7, 5)")});
  QJsonArray bias = stateDictOf(base).value(QStringLiteral("lstm.bias_ih_l0")).toArray();
  bias.removeLast();
  row("bias 19 long", tensor("lstm.bias_ih_l0", bias), {QStringLiteral("lstm.bias_ih_l0 has shape (19) but the model needs (20)")});
  row("bias as a matrix", element("head.bias", 0, -1, QJsonArray{0.5}), {QStringLiteral("head.bias has shape (7, 1)")});
  row("tensor a string", tensor("head.bias", QStringLiteral("zeros")), {QStringLiteral("head.bias has shape (not a list of numbers)")});
  QJsonArray shortRow = headWeight[3].toArray();
  shortRow.removeLast();
  row("ragged row", element("head.weight", 3, -1, shortRow), {QStringLiteral("head.weight row 3 has the wrong length (ragged list)")});
  row("row not a list", element("head.weight", 4, -1, 1.0), {QStringLiteral("head.weight row 4"), QStringLiteral("ragged")});
  row("string element", element("head.weight", 2, 1, QStringLiteral("0.5")), {QStringLiteral("head.weight[2][1]"), notFinite});
  row("null element", element("lstm.weight_hh_l0", 7, 4, QJsonValue::Null), {QStringLiteral("lstm.weight_hh_l0[7][4]"), notFinite});
  row("list in a vector", element("head.bias", 5, -1, QJsonArray{1.0}), {QStringLiteral("head.bias[5][0]"), notFinite});
  row("1e39", element("head.weight", 0, 0, 1e39), {QStringLiteral("head.weight[0][0]"), notFinite});
  row("-1e39 in a bias", element("lstm.bias_hh_l0", 6, -1, -1e39), {QStringLiteral("lstm.bias_hh_l0[6][0]"), notFinite});
  row("3.5e38", element("head.weight", 1, 1, 3.5e38), {QStringLiteral("head.weight[1][1]"), notFinite});
  const QJsonValue zeros = stateDictOf(base).value(QStringLiteral("lstm.weight_ih_l0"));
  row("reverse direction", tensor("lstm.weight_ih_l0_reverse", zeros), {QStringLiteral("lstm.weight_ih_l0_reverse"), unsupported});
  row("projection", tensor("lstm.weight_hr_l0", zeros), {QStringLiteral("lstm.weight_hr_l0"), unsupported});
  row("stray tensor", tensor("decoder.weight", zeros), {QStringLiteral("has decoder.weight"), unsupported});
  // Layers 0 and 2 without 1: the importer counts layers while weight_ih_l<k> exists, so it sees one layer and
  // refuses the layer-2 tensors as unsupported (QJsonObject iterates keys in order: bias_hh first).
  QJsonObject gap = deep;
  for (const char *name : {"lstm.weight_ih_l1", "lstm.weight_hh_l1", "lstm.bias_ih_l1", "lstm.bias_hh_l1"})
    gap = withTensor(gap, QLatin1String(name), QJsonValue::Undefined);
  row("layer gap", toBytes(gap), {QStringLiteral("has lstm.bias_hh_l2"), unsupported});
  // A hostile hidden size, read from one row's length, is refused before anything is allocated.
  QJsonArray wide;
  for (int k = 0; k < 20000; ++k)
    wide.append(0);
  row("hidden 20000", tensor("lstm.weight_hh_l0", QJsonArray() << QJsonValue(wide)),
      {QStringLiteral("the tensors describe an impossible model"), QStringLiteral("hidden size is 20000")});
}

void TestPytorchInterchange::rejects() {
  QFETCH(QByteArray, json);
  QFETCH(QStringList, phrases);
  Problem problem;
  QVERIFY2(!parsePytorchInterchange(json, &problem), "a malformed file was accepted");
  for (const QString &phrase : phrases)
    QVERIFY2(english(problem).contains(phrase), qPrintable(QStringLiteral("«%1» lacks «%2»").arg(english(problem), phrase)));
}

void TestPytorchInterchange::fileErrorsNamePath() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString missing = dir.filePath(QStringLiteral("missing.json"));
  Problem error;
  QVERIFY(!importPytorchInterchange(missing, &error));
  QVERIFY2(english(error).startsWith(QString(missing + QStringLiteral(": "))), qPrintable(english(error)));
  QVERIFY(english(error).size() > missing.size() + 2);

  const QString damaged = dir.filePath(QStringLiteral("damaged.json"));
  QFile file(damaged);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("{\"format\": \"lstm-explorer/pytorch-lstm-v1\", \"vocab\": [");
  file.close();
  QVERIFY(!importPytorchInterchange(damaged, &error));
  QVERIFY2(english(error).startsWith(QString(damaged + QStringLiteral(": invalid JSON"))), qPrintable(english(error)));
}

QTEST_GUILESS_MAIN(TestPytorchInterchange)
#include "tst_pytorch_interchange.moc"
