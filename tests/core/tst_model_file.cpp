// The native model file (core/io/model_file.h): bit-exact round trips, atomic saves, and one clear refusal —
// naming the file and the problem — for every kind of damaged or hostile file, including every truncation and
// every single-byte flip of a small model.
#include "model_file_corruption.h"
#include "english_problem.h"
#include "test_models.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace lstm;
using lstm::test::english;

namespace {

// A model over `symbols` (its vocabulary, in that order) with random weights and a few extreme but finite
// floats, which must survive the file bit for bit.
Model makeModel(InputKind input, HeadKind head, int layers, const QString &symbols, const QJsonObject &metadata,
                int hidden = 4) {
  Model model;
  const QList<uint> codePoints = symbols.toUcs4();
  model.vocabulary = *Vocabulary::create(std::vector<char32_t>(codePoints.begin(), codePoints.end()));
  model.config = test::smallConfig(input, head, layers, hidden);
  model.config.vocabSize = model.vocabulary.size();
  model.parameters = test::randomParameters<float>(model.config, 17, 3.0);
  float *p = model.parameters.data();
  p[0] = -0.0f;
  p[1] = std::numeric_limits<float>::denorm_min();
  p[2] = std::numeric_limits<float>::max();
  p[3] = std::numeric_limits<float>::lowest();
  p[4] = 1.0f / 3.0f;
  model.metadata = metadata;
  return model;
}

// The model every corruption case starts from: one-hot, V = 5, H = 4, L = 1, 201 parameters.
Model baseModel() {
  return makeModel(InputKind::OneHot, HeadKind::Softmax, 1, QStringLiteral("abcde"),
                   QJsonObject{{QStringLiteral("description"), QStringLiteral("base")}});
}

// A few hundred bytes, for the exhaustive sweeps.
Model tinyModel() { return makeModel(InputKind::OneHot, HeadKind::Softmax, 1, QStringLiteral("abc"), {}, 2); }

bool writeFile(const QString &path, const QByteArray &bytes) {
  QFile file(path);
  return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestModelFile : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void roundTrip_data();
  void roundTrip();
  void saveIntoMissingDirectoryFails();
  void saveOverDirectoryFails();
  void failedSaveLeavesExistingFile_data();
  void failedSaveLeavesExistingFile();
  void saveReplacesExistingFile();
  void writeReportsDeviceFailure();
  void rejects_data();
  void rejects();
  void headerLimitIsCheckedBeforeReading();
  void everyTruncationIsRefused();
  void everyByteFlipIsRefused();
  void missingFileNamesPath();
};

void TestModelFile::roundTrip_data() {
  QTest::addColumn<int>("input");
  QTest::addColumn<int>("head");
  QTest::addColumn<int>("layers");
  QTest::addColumn<QString>("symbols");
  QTest::addColumn<QJsonObject>("metadata");
  const QJsonObject history{{QStringLiteral("description"), QStringLiteral("trained on \"tiny\" text")},
                            {QStringLiteral("epochs"), 12},
                            {QStringLiteral("losses"), QJsonArray{2.5, 1.25, 0.875}},
                            {QStringLiteral("optimizer"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("adam")}}}};
  const auto row = [](const char *name, InputKind input, HeadKind head, int layers, const QString &symbols,
                      const QJsonObject &metadata) {
    QTest::newRow(name) << int(input) << int(head) << layers << symbols << metadata;
  };
  row("onehot softmax L1", InputKind::OneHot, HeadKind::Softmax, 1, QStringLiteral("abcde"), {});
  row("onehot softmax L3 metadata", InputKind::OneHot, HeadKind::Softmax, 3, QStringLiteral("helo wrd"), history);
  row("embedding softmax L1", InputKind::Embedding, HeadKind::Softmax, 1, QStringLiteral("zyx"), {});
  row("embedding softmax L3 chinese", InputKind::Embedding, HeadKind::Softmax, 3,
      QStringLiteral("床前明月光，疑是地上霜。\n😀"),
      QJsonObject{{QStringLiteral("描述"), QStringLiteral("静夜思")}, {QStringLiteral("corpus"), QStringLiteral("李白")}});
  row("dense regression L1 metadata", InputKind::Dense, HeadKind::Regression, 1, QString(), history);
  row("dense regression L3", InputKind::Dense, HeadKind::Regression, 3, QString(), {});
  row("dense softmax L2", InputKind::Dense, HeadKind::Softmax, 2, QStringLiteral("01"), {});
  row("onehot regression L1", InputKind::OneHot, HeadKind::Regression, 1, QStringLiteral("ab"), {});
}

void TestModelFile::roundTrip() {
  QFETCH(int, input);
  QFETCH(int, head);
  QFETCH(int, layers);
  QFETCH(QString, symbols);
  QFETCH(QJsonObject, metadata);
  const Model model = makeModel(InputKind(input), HeadKind(head), layers, symbols, metadata);
  QVERIFY(model.checkConsistency());

  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("model.lstm"));
  Problem error;
  QVERIFY2(saveModel(model, path, &error), qPrintable(english(error)));
  const auto loaded = loadModel(path, &error);
  QVERIFY2(loaded, qPrintable(english(error)));

  QVERIFY(loaded->config == model.config);
  QVERIFY(loaded->vocabulary == model.vocabulary);
  for (int id = 0; id < model.vocabulary.size(); ++id)
    QCOMPARE(loaded->vocabulary.idOf(model.vocabulary.symbol(id)), id);
  QCOMPARE(loaded->metadata, model.metadata);
  QVERIFY(loaded->parameters.config() == model.config);
  QCOMPARE(loaded->parameters.size(), model.parameters.size());
  QVERIFY(std::memcmp(loaded->parameters.data(), model.parameters.data(),
                      std::size_t(model.parameters.size()) * sizeof(float)) == 0);
  QVERIFY(std::signbit(loaded->parameters.data()[0]));
  QVERIFY(loaded->checkConsistency());
  // The format is deterministic: writing the loaded model gives back the same bytes.
  QCOMPARE(test::modelBytes(*loaded), readFile(path));
}

void TestModelFile::saveIntoMissingDirectoryFails() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("no-such-directory/model.lstm"));
  Problem error;
  QVERIFY(!saveModel(baseModel(), path, &error));
  QVERIFY2(english(error).startsWith(path), qPrintable(english(error)));
  QVERIFY(english(error).size() > path.size() + 2);
  QVERIFY(!QFileInfo::exists(path));
}

void TestModelFile::saveOverDirectoryFails() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("taken"));
  QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
  Problem error;
  QVERIFY(!saveModel(baseModel(), path, &error));
  QVERIFY2(english(error).startsWith(path), qPrintable(english(error)));
  QVERIFY(QFileInfo(path).isDir());
}

void TestModelFile::failedSaveLeavesExistingFile_data() {
  QTest::addColumn<int>("defect");
  QTest::addColumn<QString>("phrase");
  QTest::newRow("vocabulary too short") << 0 << QStringLiteral("the vocabulary has 4 symbols");
  QTest::newRow("parameters of another shape") << 1 << QStringLiteral("parameter buffer does not match");
  QTest::newRow("invalid config") << 2 << QStringLiteral("the hidden size is 0");
}

void TestModelFile::failedSaveLeavesExistingFile() {
  QFETCH(int, defect);
  QFETCH(QString, phrase);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("model.lstm"));
  Problem error;
  QVERIFY2(saveModel(baseModel(), path, &error), qPrintable(english(error)));
  const QByteArray before = readFile(path);
  QVERIFY(!before.isEmpty());

  Model broken = makeModel(InputKind::OneHot, HeadKind::Softmax, 2, QStringLiteral("vwxyz"), {});
  if (defect == 0)
    broken.vocabulary = *Vocabulary::create({U'v', U'w', U'x', U'y'});
  else if (defect == 1)
    broken.config.hiddenSize = 5;
  else
    broken.config.hiddenSize = 0;
  QVERIFY(!broken.checkConsistency());

  QVERIFY(!saveModel(broken, path, &error));
  QVERIFY2(english(error).startsWith(QString(path + QStringLiteral(": "))), qPrintable(english(error)));
  QVERIFY2(english(error).contains(QStringLiteral("inconsistent model")), qPrintable(english(error)));
  QVERIFY2(english(error).contains(phrase), qPrintable(english(error)));
  QCOMPARE(readFile(path), before);
  // No temporary file is left beside it.
  QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
           QStringList{QStringLiteral("model.lstm")});
}

void TestModelFile::saveReplacesExistingFile() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("model.lstm"));
  Problem error;
  QVERIFY2(saveModel(baseModel(), path, &error), qPrintable(english(error)));
  const Model second = makeModel(InputKind::Embedding, HeadKind::Softmax, 2, QStringLiteral("xyz"), {});
  QVERIFY2(saveModel(second, path, &error), qPrintable(english(error)));
  const auto loaded = loadModel(path, &error);
  QVERIFY2(loaded, qPrintable(english(error)));
  QVERIFY(loaded->config == second.config);
  QVERIFY(loaded->parameters.flat() == second.parameters.flat());
}

void TestModelFile::writeReportsDeviceFailure() {
  QByteArray bytes;
  QBuffer readOnly(&bytes);
  QVERIFY(readOnly.open(QIODevice::ReadOnly));
  QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ReadOnly device")));
  Problem problem;
  QVERIFY(!writeModel(baseModel(), readOnly, &problem));
  QVERIFY2(english(problem).startsWith(QStringLiteral("writing failed")), qPrintable(english(problem)));
}

void TestModelFile::rejects_data() {
  using namespace test;
  QTest::addColumn<QByteArray>("file");
  QTest::addColumn<QStringList>("phrases");
  const QByteArray base = modelBytes(baseModel());
  const auto config = [&](const char *key, const QJsonValue &value) {
    return withConfigField(base, QLatin1String(key), value);
  };
  const auto vocabulary = [&](const QJsonValue &value) {
    return withHeaderField(base, QStringLiteral("vocabulary"), value);
  };
  const auto row = [](const char *name, const QByteArray &file, const QStringList &phrases) {
    QTest::newRow(name) << file << phrases;
  };
  const QString tooShort = QStringLiteral("too short to be a model file");
  const QString truncatedHeader = QStringLiteral("the file is truncated or damaged: its header claims");
  const QString badHeader = QStringLiteral("the header is damaged");
  const QString unreadable = QStringLiteral("the header's model shape is unreadable");
  const QString impossible = QStringLiteral("the header describes an impossible model");
  const QString notCodePoint = QStringLiteral("is not a Unicode code point");
  const QString checksum = QStringLiteral("the checksum does not match");
  const QString notFinite = QStringLiteral("holds a value that is not a finite number");
  const qsizetype params = parametersAt(base);

  // Prefix.
  row("empty", QByteArray(), {tooShort, QStringLiteral("(0 bytes)")});
  row("20 bytes", base.left(20), {tooShort, QStringLiteral("(20 bytes)")});
  row("27 bytes", base.left(27), {tooShort});
  row("wrong magic", QByteArray("lstmxplr") + base.mid(8), {QStringLiteral("not an LSTM Explorer model file")});
  row("PNG", QByteArray("\x89PNG\r\n\x1a\n") + base.mid(8), {QStringLiteral("does not start with \"LSTMXPLR\"")});
  row("version 0", withField(base, kVersionAt, std::uint32_t(0)), {QStringLiteral("format version is 0")});
  row("version 2", withField(base, kVersionAt, std::uint32_t(2)), {QStringLiteral("newer"), QStringLiteral("format 2")});
  row("version max", withField(base, kVersionAt, std::uint32_t(0xFFFFFFFF)),
      {QStringLiteral("newer"), QStringLiteral("format 4294967295")});
  row("header length = file size", withField(base, kHeaderLengthAt, std::uint32_t(base.size())), {truncatedHeader});
  row("header length one past the end", withField(base, kHeaderLengthAt, std::uint32_t(base.size() - 27)),
      {truncatedHeader});
  row("header length 64 MiB + 1", withField(base, kHeaderLengthAt, std::uint32_t(kMaxModelHeaderBytes + 1)),
      {truncatedHeader, QStringLiteral("67108865 bytes")});
  row("header length max", withField(base, kHeaderLengthAt, std::uint32_t(0xFFFFFFFF)), {truncatedHeader});

  // Header JSON.
  const QByteArray header = base.mid(kHeaderAt, headerLength(base));
  row("header cut short", withHeaderBytes(base, header.left(header.size() - 1)), {badHeader, QStringLiteral("at byte")});
  row("header empty", withHeaderBytes(base, QByteArray()), {badHeader});
  row("header binary", withHeaderBytes(base, QByteArray("\x01\x02\x03", 3)), {badHeader});
  row("header is an array", withHeaderBytes(base, QByteArray("[1,2,3]")), {QStringLiteral("not a JSON object")});
  row("no format", withHeaderField(base, QStringLiteral("format"), QJsonValue::Undefined),
      {QStringLiteral("does not describe an LSTM Explorer model")});
  row("other format", withHeaderField(base, QStringLiteral("format"), QStringLiteral("keras")),
      {QStringLiteral("\"format\" is not \"lstm-explorer-model\"")});
  row("no config", withHeaderField(base, QStringLiteral("config"), QJsonValue::Undefined),
      {unreadable, QStringLiteral("input kind '' is unknown")});
  row("unknown input", config("input", QStringLiteral("bag")), {unreadable, QStringLiteral("input kind 'bag'")});
  row("unknown head", config("head", QStringLiteral("ctc")), {unreadable, QStringLiteral("head kind 'ctc'")});
  row("missing hidden_size", config("hidden_size", QJsonValue::Undefined), {unreadable, QStringLiteral("'hidden_size'")});
  row("negative num_layers", config("num_layers", -1), {unreadable, QStringLiteral("'num_layers'")});
  row("fractional hidden_size", config("hidden_size", 2.5), {unreadable, QStringLiteral("'hidden_size'")});
  row("string vocab_size", config("vocab_size", QStringLiteral("5")), {unreadable, QStringLiteral("'vocab_size'")});
  row("hidden_size 2^31", config("hidden_size", 2147483648.0), {unreadable, QStringLiteral("'hidden_size'")});
  row("hidden_size 0", config("hidden_size", 0), {impossible, QStringLiteral("hidden size is 0")});
  row("num_layers 0", config("num_layers", 0), {impossible, QStringLiteral("number of layers is 0")});
  row("hostile hidden_size 1e9", config("hidden_size", 1000000000), {impossible, QStringLiteral("1000000000")});
  row("hidden 16000 x 64 layers", withConfigField(config("hidden_size", 16000), QStringLiteral("num_layers"), 64),
      {impossible, QStringLiteral("more than 2147483648 parameters")});
  row("one softmax class", config("vocab_size", 1), {impossible, QStringLiteral("softmax classes is 1")});

  // Vocabulary.
  row("vocabulary one short", vocabulary(QJsonArray({97, 98, 99, 100})),
      {QStringLiteral("the vocabulary lists 4 symbols but the model has 5")});
  row("vocabulary missing", withHeaderField(base, QStringLiteral("vocabulary"), QJsonValue::Undefined),
      {QStringLiteral("lists 0 symbols")});
  row("vocabulary not an array", vocabulary(QStringLiteral("abcde")), {QStringLiteral("lists 0 symbols")});
  row("duplicate symbol", vocabulary(QJsonArray({97, 98, 99, 100, 97})),
      {QStringLiteral("vocabulary entry 4"), QStringLiteral("appears twice")});
  row("code point 0x110000", vocabulary(QJsonArray({97, 98, 0x110000, 100, 101})),
      {QStringLiteral("vocabulary entry 2"), notCodePoint});
  row("code point -1", vocabulary(QJsonArray({97, -1, 99, 100, 101})), {QStringLiteral("entry 1"), notCodePoint});
  row("code point string", vocabulary(QJsonArray({97, 98, 99, 100, QStringLiteral("e")})),
      {QStringLiteral("entry 4"), notCodePoint});
  row("code point 99.5", vocabulary(QJsonArray({97, 98, 99.5, 100, 101})), {notCodePoint});
  row("surrogate", vocabulary(QJsonArray({97, 98, 99, 0xD800, 101})),
      {QStringLiteral("vocabulary entry 3"), QStringLiteral("not a Unicode character")});

  // Parameter count and block.
  row("count + 1", withField(base, parameterCountAt(base), std::uint64_t(202)),
      {QStringLiteral("needs 201 parameters but the file stores 202")});
  row("count 2^64 - 1", withField(base, parameterCountAt(base), std::numeric_limits<std::uint64_t>::max()),
      {QStringLiteral("stores 18446744073709551615")});
  row("header implies fewer", config("hidden_size", 3), {QStringLiteral("needs 140 parameters but the file stores 201")});
  row("checksum missing", base.left(base.size() - 4),
      {QStringLiteral("the file is truncated: 808 bytes of parameters and checksum expected, 804 present")});
  row("parameters cut", base.left(params + 10), {QStringLiteral("the file is truncated")});
  row("trailing bytes", base + QByteArray("xyz"), {QStringLiteral("3 unexpected bytes after its checksum")});
  row("flipped parameter byte", flipped(base, params + 17), {checksum});
  row("flipped checksum bit", flipped(base, base.size() - 1, '\x01'), {checksum});
  const qsizetype description = base.indexOf("\"base\"");
  QVERIFY(description > 0);
  QByteArray edited = base;
  edited[description + 1] = 'c'; // "base" → "case": still valid JSON, but the stored CRC no longer matches
  row("header edited without new checksum", edited, {checksum});
  row("NaN", withParameter(base, 0, std::numeric_limits<float>::quiet_NaN()), {notFinite, QStringLiteral("lstm.weight_ih_l0")});
  row("-inf", withParameter(base, 80, -std::numeric_limits<float>::infinity()),
      {notFinite, QStringLiteral("lstm.weight_hh_l0")});
  row("+inf last", withParameter(base, 200, std::numeric_limits<float>::infinity()), {notFinite, QStringLiteral("head.bias")});
}

void TestModelFile::rejects() {
  QFETCH(QByteArray, file);
  QFETCH(QStringList, phrases);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("damaged.lstm"));
  QVERIFY(writeFile(path, file));
  Problem error;
  QVERIFY2(!loadModel(path, &error), "a damaged file loaded");
  const QString prefix = path + QStringLiteral(": ");
  QVERIFY2(english(error).startsWith(prefix), qPrintable(english(error)));
  for (const QString &phrase : phrases)
    QVERIFY2(english(error).contains(phrase), qPrintable(QStringLiteral("«%1» lacks «%2»").arg(english(error), phrase)));
  // The device-level reader reports the same problem without the file name.
  Problem problem;
  QVERIFY(!test::readModelBytes(file, &problem));
  QCOMPARE(english(error), QString(prefix + english(problem)));
}

// A header length above 64 MiB is refused from the length field alone, even when the device claims to be big
// enough: the reader must not allocate (or try to read) 64 MiB for a header first.
void TestModelFile::headerLimitIsCheckedBeforeReading() {
  QByteArray file = test::withField(test::modelBytes(baseModel()), test::kHeaderLengthAt,
                                    std::uint32_t(kMaxModelHeaderBytes + 1));
  QBuffer buffer(&file);
  QVERIFY(buffer.open(QIODevice::ReadOnly));
  Problem problem;
  QVERIFY(!readModel(buffer, qint64(1) << 30, &problem));
  QVERIFY2(english(problem).contains(QStringLiteral("header claims 67108865 bytes")), qPrintable(english(problem)));
  QCOMPARE(buffer.pos(), qint64(16));
}

void TestModelFile::everyTruncationIsRefused() {
  const QByteArray file = test::modelBytes(tinyModel());
  QVERIFY2(file.size() < 600, qPrintable(QString::number(file.size())));
  Problem problem;
  QVERIFY2(test::readModelBytes(file, &problem), qPrintable(english(problem)));
  for (qsizetype length = 0; length < file.size(); ++length) {
    problem = Problem();
    const bool loaded = test::readModelBytes(file.left(length), &problem).has_value();
    if (loaded || english(problem).isEmpty())
      QFAIL(qPrintable(QStringLiteral("truncated to %1 of %2 bytes: %3")
                           .arg(length)
                           .arg(file.size())
                           .arg(loaded ? QStringLiteral("loaded") : QStringLiteral("no message"))));
  }
}

void TestModelFile::everyByteFlipIsRefused() {
  const QByteArray file = test::modelBytes(tinyModel());
  const qsizetype parameters = test::parametersAt(file);
  for (qsizetype at = 0; at < file.size(); ++at) {
    Problem problem;
    const bool loaded = test::readModelBytes(test::flipped(file, at), &problem).has_value();
    if (loaded || english(problem).isEmpty())
      QFAIL(qPrintable(QStringLiteral("byte %1 flipped: %2").arg(at).arg(loaded ? QStringLiteral("loaded")
                                                                                : QStringLiteral("no message"))));
    // Damage in the parameters or the checksum can only be caught by the checksum.
    if (at >= parameters && !english(problem).contains(QStringLiteral("checksum does not match")))
      QFAIL(qPrintable(QStringLiteral("byte %1 flipped: %2").arg(at).arg(english(problem))));
  }
}

void TestModelFile::missingFileNamesPath() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("missing.lstm"));
  Problem error;
  QVERIFY(!loadModel(path, &error));
  QVERIFY2(english(error).startsWith(QString(path + QStringLiteral(": "))), qPrintable(english(error)));
  QVERIFY(english(error).size() > path.size() + 2);
  // A directory is not a model file either.
  QVERIFY(!loadModel(dir.path(), &error));
  QVERIFY2(english(error).startsWith(dir.path()), qPrintable(english(error)));
}

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_model_file.moc"
