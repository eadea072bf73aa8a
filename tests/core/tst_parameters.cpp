// Flat parameter buffer, named views and PyTorch's default initialisation.
#include "model/initialization.h"
#include "test_models.h"

#include <QTest>

using namespace lstm;

class TestParameters : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void layoutNamesAndShapes();
  void viewsShareTheFlatBuffer();
  void defaultInitialisation();
  void forgetBias();
  void sameSeedSameWeights();
  void configLimits_data();
  void configLimits();
};

void TestParameters::layoutNamesAndShapes() {
  ModelConfig c = test::smallConfig(InputKind::Embedding, HeadKind::Softmax, 2, 3);
  const ParameterLayout layout(c);
  const QStringList names = [&] {
    QStringList list;
    for (const auto &b : layout.blocks())
      list << QString::fromStdString(b.name);
    return list;
  }();
  QCOMPARE(names, (QStringList{QStringLiteral("embedding.weight"), QStringLiteral("lstm.weight_ih_l0"),
                               QStringLiteral("lstm.weight_hh_l0"), QStringLiteral("lstm.bias_ih_l0"),
                               QStringLiteral("lstm.bias_hh_l0"), QStringLiteral("lstm.weight_ih_l1"),
                               QStringLiteral("lstm.weight_hh_l1"), QStringLiteral("lstm.bias_ih_l1"),
                               QStringLiteral("lstm.bias_hh_l1"), QStringLiteral("head.weight"),
                               QStringLiteral("head.bias")}));
  const ParameterBlock *embedding = layout.find("embedding.weight");
  QVERIFY(embedding && embedding->torchTransposed);
  QCOMPARE(embedding->rows, 3); // E
  QCOMPARE(embedding->torchRows(), 5); // V, as in nn.Embedding(V, E)
  QCOMPARE(layout.find("lstm.weight_ih_l0")->cols, 3);  // X = E
  QCOMPARE(layout.find("lstm.weight_ih_l1")->cols, 3);  // X = H
  QCOMPARE(layout.find("lstm.weight_hh_l1")->rows, 12); // 4H
  QCOMPARE(layout.find("head.weight")->rows, 5);
  QCOMPARE(layout.find("no.such"), nullptr);
  // Blocks tile the buffer without gaps, and the total is what the config predicts.
  std::int64_t offset = 0;
  for (const auto &b : layout.blocks()) {
    QCOMPARE(b.offset, offset);
    offset += b.size();
  }
  QCOMPARE(layout.totalSize(), c.parameterCount());
  c.input = InputKind::OneHot;
  QCOMPARE(ParameterLayout(c).find("lstm.weight_ih_l0")->cols, 5); // X = V
  QCOMPARE(ParameterLayout(c).find("embedding.weight"), nullptr);
}

void TestParameters::viewsShareTheFlatBuffer() {
  Parameters<float> p(test::smallConfig(InputKind::OneHot, HeadKind::Regression, 2, 4));
  p.weightHh(1)(2, 3) = 7.0f;
  p.biasIh(0)(5) = -2.0f;
  const auto &layout = p.layout();
  QCOMPARE(p.flat()(layout.find("lstm.weight_hh_l1")->offset + 3 * 16 + 2), 7.0f); // column-major (4H = 16 rows)
  QCOMPARE(p.flat()(layout.find("lstm.bias_ih_l0")->offset + 5), -2.0f);
  QCOMPARE(p.headWeight().rows(), 2); // D
}

void TestParameters::defaultInitialisation() {
  ModelConfig c = test::smallConfig(InputKind::Embedding, HeadKind::Softmax, 2, 64);
  c.vocabSize = 200;
  c.embedDim = 50;
  Parameters<double> p(c);
  Rng rng(1);
  initializeParameters(p, rng);
  const double bound = 1.0 / std::sqrt(64.0);
  for (const ParameterBlock &b : p.layout().blocks()) {
    const auto block = std::as_const(p).block(p.layout().indexOf(b.role, b.layer));
    if (b.role == BlockRole::Embedding) {
      // N(0, 1): 10 000 draws, mean and spread close to 0 and 1.
      const double mean = block.mean();
      const double std = std::sqrt((block.array() - mean).square().mean());
      QVERIFY2(std::fabs(mean) < 0.03 && std::fabs(std - 1.0) < 0.03, qPrintable(QStringLiteral("%1 %2").arg(mean).arg(std)));
    } else {
      // U(−1/√H, 1/√H) for every LSTM tensor and the head, as PyTorch's reset_parameters.
      QVERIFY(block.maxCoeff() < bound && block.minCoeff() >= -bound);
      if (b.size() > 1000)
        QVERIFY(block.maxCoeff() > 0.95 * bound && block.minCoeff() < -0.95 * bound);
    }
  }
}

void TestParameters::forgetBias() {
  const ModelConfig c = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 2, 8);
  Parameters<float> p(c);
  Rng rng(2);
  initializeParameters(p, rng, InitOptions{1.0});
  for (int layer = 0; layer < 2; ++layer) {
    QVERIFY((p.biasIh(layer).segment(8, 8).array() == 1.0f).all());
    QVERIFY(p.biasHh(layer).segment(8, 8).isZero());
    QVERIFY(!p.biasIh(layer).head(8).isZero()); // other gates keep their random init
  }
}

void TestParameters::sameSeedSameWeights() {
  const ModelConfig c = test::smallConfig(InputKind::Embedding, HeadKind::Softmax, 3, 8);
  Parameters<float> a(c), b(c), other(c);
  Rng r1(42), r2(42), r3(43);
  initializeParameters(a, r1);
  initializeParameters(b, r2);
  initializeParameters(other, r3);
  QVERIFY(a.flat() == b.flat());
  QVERIFY(a.flat() != other.flat());
}

void TestParameters::configLimits_data() {
  QTest::addColumn<int>("hidden");
  QTest::addColumn<int>("layers");
  QTest::addColumn<int>("vocab");
  QTest::addColumn<QString>("phrase");
  QTest::newRow("ok") << 128 << 2 << 65 << QString();
  QTest::newRow("hidden 0") << 0 << 1 << 65 << QStringLiteral("hidden size is 0");
  QTest::newRow("hidden 10^9") << 1000000000 << 1 << 65 << QStringLiteral("hidden size");
  QTest::newRow("no layers") << 8 << 0 << 65 << QStringLiteral("number of layers");
  QTest::newRow("one class") << 8 << 1 << 1 << QStringLiteral("softmax classes");
  QTest::newRow("too many parameters") << 16000 << 64 << 65 << QStringLiteral("parameters");
}

void TestParameters::configLimits() {
  QFETCH(int, hidden);
  QFETCH(int, layers);
  QFETCH(int, vocab);
  QFETCH(QString, phrase);
  ModelConfig c;
  c.hiddenSize = hidden;
  c.numLayers = layers;
  c.vocabSize = vocab;
  const QString problem = QString::fromStdString(c.validate());
  if (phrase.isEmpty())
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
  else
    QVERIFY2(problem.contains(phrase), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestParameters)
#include "tst_parameters.moc"
