// lstm-explorer-cli from the outside (the command-line contract): runs the built binary with QProcess.
// import-pytorch and info against the interchange fixtures; trace and grad against the PyTorch run of the poem
// fixture (tests/fixtures/pytorch_onehot_l2_poem.json, tools/make_pytorch_fixtures.py); one-line errors with the
// documented exit codes (cli_common.h: 1 bad input, 2 wrong usage); --help; bench.
#include "cli_runner.h"
#include "fixture_loader.h"
#include "io/crc32.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>

#include <algorithm>
#include <cmath>

using namespace lstm;
using test::CliRun;
using test::oneLineErrorProblem;
using test::parseObject;
using test::runCli;

namespace {


// The shape of a nested list, outermost dimension first.
QList<qsizetype> shapeOf(const QJsonValue &value) {
  QList<qsizetype> shape;
  for (QJsonValue level = value; level.isArray() && !level.toArray().isEmpty(); level = level.toArray().first())
    shape.append(level.toArray().size());
  return shape;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
  QFile file(path);
  return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A model file with the header's config.hidden_size replaced and the CRC-32 recomputed. Layout:
// "LSTMXPLR" | u32 version | u32 header length | JSON header | u64 count | float32 params | u32 CRC-32.
QByteArray withHiddenSize(const QByteArray &file, int hiddenSize) {
  const auto headerLength = qsizetype(qFromLittleEndian<quint32>(file.constData() + 12));
  QJsonObject header = QJsonDocument::fromJson(file.mid(16, headerLength)).object();
  QJsonObject config = header[QStringLiteral("config")].toObject();
  config[QStringLiteral("hidden_size")] = hiddenSize;
  header[QStringLiteral("config")] = config;
  const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
  char field[4];
  QByteArray patched = file.left(12);
  qToLittleEndian(quint32(json.size()), field);
  patched.append(field, 4).append(json);
  patched.append(file.mid(16 + headerLength, file.size() - 16 - headerLength - 4)); // count and parameters
  qToLittleEndian(crc32Update(0, patched.constData(), std::size_t(patched.size())), field);
  return patched.append(field, 4);
}

} // namespace

class TestCli : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void helpListsEveryCommand();
  void noCommandIsUsageError();
  void subcommandHelp_data();
  void subcommandHelp();
  void importAndInfo_data();
  void importAndInfo();
  void traceMatchesPytorch();
  void gradMatchesPytorch();
  void badInput_data();
  void badInput();
  void invalidUtf8Argument();
  void benchTraining();
  void benchStepping();

private:
  QString path(const QString &name) const { return m_dir.filePath(name); }

  QTemporaryDir m_dir;
  QString m_model;    // interchange_onehot_l2_poem.json imported by initTestCase
  QJsonObject m_poem; // pytorch_onehot_l2_poem.json
};

void TestCli::initTestCase() {
  QVERIFY(m_dir.isValid());
  QVERIFY2(QFileInfo(test::cliPath()).isExecutable(), qPrintable(test::cliPath()));
  m_poem = test::readJsonFixture(QStringLiteral("pytorch_onehot_l2_poem.json"));
  m_model = path(QStringLiteral("poem.lstm"));
  const CliRun run = runCli({QStringLiteral("import-pytorch"),
                             test::fixturePath(QStringLiteral("interchange_onehot_l2_poem.json")), m_model});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QVERIFY(QFileInfo::exists(m_model));

  // Corrupt copies for badInput: random bytes, the first half, a header claiming a billion hidden units.
  QFile real(m_model);
  QVERIFY(real.open(QIODevice::ReadOnly));
  const QByteArray bytes = real.readAll();
  QByteArray noise(4096, '\0');
  QRandomGenerator generator(20240601);
  for (char &byte : noise)
    byte = char(generator.bounded(256));
  QVERIFY(writeFile(path(QStringLiteral("random.lstm")), noise));
  QVERIFY(writeFile(path(QStringLiteral("truncated.lstm")), bytes.left(bytes.size() / 2)));
  QVERIFY(writeFile(path(QStringLiteral("huge.lstm")), withHiddenSize(bytes, 1000000000)));
  // The same patch with the real hidden size must still load: then huge.lstm fails for its size, not its CRC.
  QVERIFY(writeFile(path(QStringLiteral("repatched.lstm")), withHiddenSize(bytes, 6)));
  const CliRun repatched = runCli({QStringLiteral("info"), path(QStringLiteral("repatched.lstm"))});
  QVERIFY2(repatched.exitedNormally && repatched.exitCode == 0, qPrintable(repatched.describe()));
}

void TestCli::helpListsEveryCommand() {
  const CliRun run = runCli({QStringLiteral("--help")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  const QString text = QString::fromUtf8(run.out);
  for (const char *command : {"info", "trace", "grad", "import-pytorch", "bench"})
    QVERIFY2(text.contains(QLatin1String(command)), command);
}

void TestCli::noCommandIsUsageError() {
  const CliRun run = runCli({});
  QVERIFY2(run.exitedNormally && run.exitCode == 2, qPrintable(run.describe()));
  QVERIFY(QString::fromUtf8(run.err).contains(QStringLiteral("usage")));
}

void TestCli::subcommandHelp_data() {
  QTest::addColumn<QString>("command");
  for (const char *command : {"info", "trace", "grad", "import-pytorch", "bench"})
    QTest::newRow(command) << QString::fromLatin1(command);
}

void TestCli::subcommandHelp() {
  QFETCH(QString, command);
  const CliRun run = runCli({command, QStringLiteral("--help")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  const QString text = QString::fromUtf8(run.out);
  QVERIFY2(text.contains(QStringLiteral("Usage")) || text.contains(QStringLiteral("usage")), qPrintable(text));
  QVERIFY2(text.contains(QStringLiteral("lstm-explorer-cli ") + command), qPrintable(text));
}

void TestCli::importAndInfo_data() {
  QTest::addColumn<QString>("fixture");
  for (const char *name : {"onehot_l1", "embedding_l2", "onehot_l2_poem", "embedding_l3"})
    QTest::newRow(name) << QStringLiteral("interchange_%1.json").arg(QLatin1String(name));
}

void TestCli::importAndInfo() {
  QFETCH(QString, fixture);
  const QString out = path(fixture + QStringLiteral(".lstm"));
  CliRun run = runCli({QStringLiteral("import-pytorch"), test::fixturePath(fixture), out,
                       QStringLiteral("--description"), QStringLiteral("imported by tst_cli")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QVERIFY(QFileInfo::exists(out));

  // What the interchange file implies: H from weight_hh_l0 (4H, H), L from the weight_ih_l* count, V from vocab.
  const QJsonObject interchange = test::readJsonFixture(fixture);
  const QJsonObject stateDict = interchange[QStringLiteral("state_dict")].toObject();
  const qsizetype hidden = shapeOf(stateDict[QStringLiteral("lstm.weight_hh_l0")]).value(1);
  qint64 layers = 0, parameters = 0;
  for (auto it = stateDict.begin(); it != stateDict.end(); ++it) {
    layers += it.key().startsWith(QStringLiteral("lstm.weight_ih_l")) ? 1 : 0;
    parameters += qint64(test::flatten(it.value()).size());
  }

  run = runCli({QStringLiteral("info"), out, QStringLiteral("--json")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QString problem;
  const QJsonObject info = parseObject(run.out, &problem);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
  const QJsonObject config = info[QStringLiteral("config")].toObject();
  QCOMPARE(config[QStringLiteral("hidden_size")].toInteger(), qint64(hidden));
  QCOMPARE(config[QStringLiteral("num_layers")].toInteger(), layers);
  const qint64 vocabSize = interchange[QStringLiteral("vocab")].toArray().size();
  QCOMPARE(info[QStringLiteral("vocab_size")].toInteger(), vocabSize);
  QCOMPARE(info[QStringLiteral("vocab")].toArray(), interchange[QStringLiteral("vocab")].toArray());
  QCOMPARE(info[QStringLiteral("parameters")].toInteger(), parameters);
  const QJsonObject metadata = info[QStringLiteral("metadata")].toObject();
  QCOMPARE(metadata[QStringLiteral("source_file")].toString(), fixture);
  QCOMPARE(metadata[QStringLiteral("description")].toString(), QStringLiteral("imported by tst_cli"));
  const QJsonArray tensors = info[QStringLiteral("tensors")].toArray();
  QCOMPARE(tensors.size(), stateDict.size());
  for (const QJsonValue &tensor : tensors) {
    const QString name = tensor[QStringLiteral("name")].toString();
    QVERIFY2(stateDict.contains(name), qPrintable(name));
    QList<qsizetype> shape;
    for (const QJsonValue &dimension : tensor[QStringLiteral("shape")].toArray())
      shape.append(qsizetype(dimension.toInteger()));
    QCOMPARE(shape, shapeOf(stateDict[name]));
  }

  run = runCli({QStringLiteral("info"), out});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  const QString text = QString::fromUtf8(run.out);
  QVERIFY2(text.contains(QString::number(parameters)) && text.contains(QStringLiteral("imported by tst_cli")),
           qPrintable(text));
}

void TestCli::traceMatchesPytorch() {
  // The fixture ran len(text)−1 inputs from a zero state (B = 1): trace the text without its last character.
  const QString text = m_poem.value(QStringLiteral("text")).toString();
  const int T = m_poem.value(QStringLiteral("steps")).toInt();
  QCOMPARE(m_poem.value(QStringLiteral("batch")).toInt(), 1);
  QCOMPARE(text.size(), qsizetype(T) + 1); // every character of the poem is a single UTF-16 unit
  const CliRun run = runCli({QStringLiteral("trace"), m_model, QStringLiteral("--text"), text.chopped(1),
                             QStringLiteral("--json")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QString problem;
  const QJsonObject json = parseObject(run.out, &problem);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
  const QJsonObject interchange = m_poem.value(QStringLiteral("interchange")).toObject();
  const QJsonArray vocab = interchange.value(QStringLiteral("vocab")).toArray();
  QCOMPARE(json[QStringLiteral("vocab")].toArray(), vocab);
  const qsizetype V = vocab.size();
  const QJsonObject reference = m_poem.value(QStringLiteral("trace")).toObject(); // quantity → [T][L][B][H]
  const QList<qsizetype> referenceShape = shapeOf(reference[QStringLiteral("h")]);
  QCOMPARE(referenceShape.size(), 4);
  const qsizetype L = referenceShape[1], H = referenceShape[3];
  const auto logits = test::flatten(m_poem.value(QStringLiteral("logits"))); // [T][B][V]
  const char *quantities[] = {"i", "f", "g", "o", "c", "h"};
  std::vector<double> expected[6];
  for (int q = 0; q < 6; ++q)
    expected[q] = test::flatten(reference[QLatin1String(quantities[q])]);

  const QJsonArray steps = json[QStringLiteral("steps")].toArray();
  QCOMPARE(steps.size(), qsizetype(T));
  double worst = 0.0;
  QString worstAt;
  auto record = [&](double ours, double theirs, const QString &where) {
    if (std::fabs(ours - theirs) > worst) {
      worst = std::fabs(ours - theirs);
      worstAt = where;
    }
  };
  for (int t = 0; t < T; ++t) {
    const QJsonObject step = steps[t].toObject();
    QCOMPARE(step[QStringLiteral("t")].toInt(-1), t);
    QCOMPARE(step[QStringLiteral("token")].toString(), QString(text.at(t)));
    const QJsonArray layers = step[QStringLiteral("layers")].toArray();
    QCOMPARE(layers.size(), L);
    for (qsizetype l = 0; l < L; ++l)
      for (int q = 0; q < 6; ++q) {
        const QJsonArray ours = layers[l][QLatin1String(quantities[q])].toArray();
        QCOMPARE(ours.size(), H);
        for (qsizetype j = 0; j < H; ++j)
          record(ours[j].toDouble(), expected[q][std::size_t((t * L + l) * H + j)],
                 QStringLiteral("%1 t=%2 layer=%3 j=%4").arg(QLatin1String(quantities[q])).arg(t).arg(l).arg(j));
      }
    // probs = softmax(PyTorch logits at t), computed in double.
    const QJsonArray probs = step[QStringLiteral("probs")].toArray();
    QCOMPARE(probs.size(), V);
    const double *row = logits.data() + t * V;
    const double top = *std::max_element(row, row + V);
    double norm = 0.0, sum = 0.0;
    for (qsizetype v = 0; v < V; ++v)
      norm += std::exp(row[v] - top);
    for (qsizetype v = 0; v < V; ++v) {
      sum += probs[v].toDouble();
      record(probs[v].toDouble(), std::exp(row[v] - top) / norm, QStringLiteral("probs t=%1 v=%2").arg(t).arg(v));
    }
    QVERIFY2(std::fabs(sum - 1.0) <= 1e-5, qPrintable(QStringLiteral("probs at t=%1 sum to %2").arg(t).arg(sum)));
  }
  qInfo("max trace difference %.3g (%s)", worst, qPrintable(worstAt));
  QVERIFY2(worst <= 1e-5, qPrintable(QStringLiteral("%1 off by %2").arg(worstAt).arg(worst)));
}

void TestCli::gradMatchesPytorch() {
  const CliRun run = runCli({QStringLiteral("grad"), m_model, QStringLiteral("--text"),
                             m_poem.value(QStringLiteral("text")).toString(), QStringLiteral("--json")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QString problem;
  const QJsonObject json = parseObject(run.out, &problem);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
  const double lossError =
      std::fabs(json[QStringLiteral("loss")].toDouble(NAN) - m_poem.value(QStringLiteral("loss")).toDouble());
  QVERIFY2(lossError <= 1e-5, qPrintable(QStringLiteral("loss off by %1").arg(lossError)));

  const QJsonObject ours = json[QStringLiteral("grads")].toObject();
  const QJsonObject theirs = m_poem.value(QStringLiteral("grads")).toObject();
  QCOMPARE(ours.keys(), theirs.keys());
  for (const QString &name : theirs.keys()) {
    QCOMPARE(shapeOf(ours[name]), shapeOf(theirs[name]));
    const auto a = test::flatten(ours[name]), b = test::flatten(theirs[name]);
    QCOMPARE(a.size(), b.size());
    double largest = 0.0;
    for (double value : b)
      largest = std::max(largest, std::fabs(value));
    for (std::size_t k = 0; k < b.size(); ++k) {
      // Relative to the element, floored at 1% of the tensor's largest element (float32 cancellation).
      const double tolerance = 1e-4 * std::max(std::fabs(b[k]), 0.01 * largest);
      QVERIFY2(std::fabs(a[k] - b[k]) <= tolerance,
               qPrintable(QStringLiteral("%1[%2]: ours %3, PyTorch %4").arg(name).arg(k).arg(a[k]).arg(b[k])));
    }
  }
}

void TestCli::badInput_data() {
  QTest::addColumn<QStringList>("arguments");
  QTest::addColumn<int>("exitCode");
  QTest::addColumn<QStringList>("needles"); // each must appear in the one stderr line
  const QString text = QStringLiteral("--text"), info = QStringLiteral("info"), trace = QStringLiteral("trace"),
                grad = QStringLiteral("grad"), spring = QStringLiteral("春");
  const QStringList unknownX{QStringLiteral("'x'"), QStringLiteral("U+0078"), QStringLiteral("position 1")};
  QTest::newRow("trace unknown character") << QStringList{trace, m_model, text, QStringLiteral("春x")} << 1
                                           << unknownX;
  QTest::newRow("grad unknown character") << QStringList{grad, m_model, text, QStringLiteral("春x")} << 1 << unknownX;
  // QProcess encodes a lone surrogate as a valid replacement character: it arrives as an unknown character.
  QTest::newRow("lone surrogate") << QStringList{trace, m_model, text, QString(QChar(0xD800))} << 1
                                  << QStringList{QStringLiteral("position 0")};
  const QString absent = path(QStringLiteral("absent.lstm"));
  QTest::newRow("info missing file") << QStringList{info, absent} << 1 << QStringList{absent};
  QTest::newRow("trace missing file") << QStringList{trace, absent, text, spring} << 1 << QStringList{absent};
  QTest::newRow("grad missing file") << QStringList{grad, absent, text, spring + spring} << 1 << QStringList{absent};
  for (const char *corrupt : {"random", "truncated", "huge"}) {
    const QString file = path(QLatin1String(corrupt) + QStringLiteral(".lstm"));
    QTest::addRow("info %s", corrupt) << QStringList{info, file} << 1 << QStringList{file};
    QTest::addRow("trace %s", corrupt) << QStringList{trace, file, text, spring} << 1 << QStringList{file};
  }
  QTest::newRow("trace empty text") << QStringList{trace, m_model, text, QString()} << 1 << QStringList{text};
  QTest::newRow("grad empty text") << QStringList{grad, m_model, text, QString()} << 1 << QStringList{text};
  QTest::newRow("grad one character") << QStringList{grad, m_model, text, spring} << 1 << QStringList{text};
  const QString optimizers = test::fixturePath(QStringLiteral("pytorch_optimizers.json"));
  QTest::newRow("import not interchange") << QStringList{QStringLiteral("import-pytorch"), optimizers,
                                                         path(QStringLiteral("x.lstm"))}
                                          << 1 << QStringList{optimizers};
  const QString hiddenOption = QStringLiteral("--hidden");
  QTest::newRow("bench bad value") << QStringList{QStringLiteral("bench"), hiddenOption, QStringLiteral("0")} << 1
                                   << QStringList{hiddenOption};
  QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2
                                   << QStringList{QStringLiteral("frobnicate")};
  QTest::newRow("info unknown option") << QStringList{info, m_model, QStringLiteral("--frobnicate")} << 2
                                       << QStringList{QStringLiteral("frobnicate")};
  QTest::newRow("trace unknown option") << QStringList{trace, m_model, text, spring, QStringLiteral("--frobnicate")}
                                        << 2 << QStringList{QStringLiteral("frobnicate")};
  QTest::newRow("info no model") << QStringList{info} << 2 << QStringList{QStringLiteral("MODEL")};
  QTest::newRow("grad no model") << QStringList{grad, text, spring} << 2 << QStringList{QStringLiteral("MODEL")};
  QTest::newRow("import one argument") << QStringList{QStringLiteral("import-pytorch"), optimizers} << 2
                                       << QStringList{QStringLiteral("OUT")};
  QTest::newRow("trace no text") << QStringList{trace, m_model} << 2 << QStringList{text};
}

void TestCli::badInput() {
  QFETCH(QStringList, arguments);
  QFETCH(int, exitCode);
  QFETCH(QStringList, needles);
  const QString problem = oneLineErrorProblem(runCli(arguments), exitCode, needles);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCli::invalidUtf8Argument() {
  // QProcess always encodes QString arguments as valid UTF-8, so let /bin/sh pass the raw byte 0xFF.
  const QString shell = QStringLiteral("/bin/sh");
  if (!QFileInfo(shell).isExecutable())
    QSKIP("no /bin/sh to pass raw bytes");
  const CliRun run = test::runProgram(shell, {QStringLiteral("-c"),
                                              QStringLiteral("exec \"$0\" trace \"$1\" --text \"$(printf '\\377')\""),
                                              test::cliPath(), m_model});
  const QString problem = oneLineErrorProblem(run, 1, {QStringLiteral("UTF-8")});
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCli::benchTraining() {
  const CliRun run = runCli(QStringLiteral("bench --vocab 20 --hidden 16 --layers 1 --seq 8 --batch 4 --iters 2 "
                                           "--repeats 1 --json --threads 1")
                                .split(QLatin1Char(' ')));
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QString problem;
  const QJsonObject json = parseObject(run.out, &problem);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
  QVERIFY2(json[QStringLiteral("tokens_per_s")].toDouble() > 0, run.out.constData());
  QVERIFY2(json[QStringLiteral("ms_per_iter")].toDouble() > 0, run.out.constData());
}

void TestCli::benchStepping() {
  const CliRun run =
      runCli(QStringLiteral("bench --step --vocab 20 --hidden 16 --layers 2 --steps 50 --repeats 1 --json")
                 .split(QLatin1Char(' ')));
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QString problem;
  const QJsonObject json = parseObject(run.out, &problem);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
  QVERIFY2(json[QStringLiteral("us_per_step")].toDouble() > 0, run.out.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
