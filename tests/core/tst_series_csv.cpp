// CSV import for time series (core/data/series_csv.h): dialect and header detection, RFC 4180
// quoting, line numbers that count blank lines, the refusals and their wording, column selection and scaling.
#include "data/series_csv.h"
#include "test_files.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <vector>

using namespace lstm;

namespace {

using test::writeFile;

using Columns = std::vector<std::vector<double>>;

} // namespace

Q_DECLARE_METATYPE(Columns)
Q_DECLARE_METATYPE(lstm::CsvHeader)

class TestSeriesCsv : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void loads_data();
  void loads();
  void refuses_data();
  void refuses();
  void givenDialect();
  void missingFile();
  void maxBytesRefusedBeforeReading();
  void progressAndCancel();
  void selectsColumns();
  void textColumnsAreSkipped();
  void scalingRoundTrip();
  void scalingOfConstantSeries();
};

void TestSeriesCsv::loads_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<CsvHeader>("header");
  QTest::addColumn<QStringList>("names");
  QTest::addColumn<Columns>("columns");
  QTest::addColumn<int>("delimiter");
  QTest::addColumn<int>("decimal");
  QTest::addColumn<bool>("hadHeader");
  const QStringList timeTemp{QStringLiteral("time"), QStringLiteral("temp")};
  const QStringList generated{QStringLiteral("column 1"), QStringLiteral("column 2")};
  const Columns pair{{0.0, 1.0, 2.0}, {20.5, -3.25, 1e3}};

  QTest::newRow("header") << QByteArray("time,temp\n0,20.5\n1,-3.25\n2,1e3\n") << CsvHeader::Auto << timeTemp << pair
                          << int(',') << int('.') << true;
  QTest::newRow("no header") << QByteArray("0,20.5\n1,-3.25\n2,1e3\n") << CsvHeader::Auto << generated << pair
                             << int(',') << int('.') << false;
  QTest::newRow("no header, no final newline") << QByteArray("0,20.5\n1,-3.25\n2,1e3") << CsvHeader::No << generated
                                               << pair << int(',') << int('.') << false;
  QTest::newRow("comma decimal, semicolon delimiter")
      << QByteArray("1,5;2,25\n3;-0,5\n") << CsvHeader::Auto << generated << Columns{{1.5, 3.0}, {2.25, -0.5}}
      << int(';') << int(',') << false;
  QTest::newRow("comma decimal where ',' also splits evenly")
      << QByteArray("1,5;2,25\n3,0;4,5\n") << CsvHeader::Auto << generated << Columns{{1.5, 3.0}, {2.25, 4.5}}
      << int(';') << int(',') << false;
  QTest::newRow("semicolon delimiter, integers keep '.'") << QByteArray("a;b\n1;2\n3;4\n") << CsvHeader::Auto
                                                          << QStringList{QStringLiteral("a"), QStringLiteral("b")}
                                                          << Columns{{1, 3}, {2, 4}} << int(';') << int('.') << true;
  QTest::newRow("tab delimiter") << QByteArray("time\ttemp\n0\t20.5\n1\t-3.25\n2\t1e3\n") << CsvHeader::Auto
                                 << timeTemp << pair << int('\t') << int('.') << true;
  QTest::newRow("quoted fields with delimiters and quotes inside")
      << QByteArray("\"time, s\",\"say \"\"hi\"\"\"\n\"0\",20.5\n1,\"-3.25\"\n2,1e3\n") << CsvHeader::Auto
      << QStringList{QStringLiteral("time, s"), QStringLiteral("say \"hi\"")} << pair << int(',') << int('.') << true;
  QTest::newRow("quoted header with a line break") << QByteArray("\"a\nb\",c\n1,2\n") << CsvHeader::Auto
                                                   << QStringList{QStringLiteral("a\nb"), QStringLiteral("c")}
                                                   << Columns{{1}, {2}} << int(',') << int('.') << true;
  QTest::newRow("CRLF and BOM") << QByteArray("\xEF\xBB\xBFtime,temp\r\n0,20.5\r\n1,-3.25\r\n2,1e3\r\n")
                                << CsvHeader::Auto << timeTemp << pair << int(',') << int('.') << true;
  QTest::newRow("blank lines and spaces") << QByteArray("\ntime , temp\n\n 0 , 20.5\n   \n1,-3.25\r\n\r\n2,1e3\n\n")
                                          << CsvHeader::Auto << timeTemp << pair << int(',') << int('.') << true;
  QTest::newRow("one column") << QByteArray("x\n1\n+2\n.5\n") << CsvHeader::Auto << QStringList{QStringLiteral("x")}
                              << Columns{{1, 2, 0.5}} << int(',') << int('.') << true;
  QTest::newRow("header forced off: numeric-looking file") << QByteArray("1,2\n3,4\n") << CsvHeader::No << generated
                                                           << Columns{{1, 3}, {2, 4}} << int(',') << int('.') << false;
  QTest::newRow("header forced on, empty and UTF-8 names")
      << QByteArray("1,,température\n3,4,5\n") << CsvHeader::Yes
      << QStringList{QStringLiteral("1"), QStringLiteral("column 2"), QStringLiteral("température")}
      << Columns{{3}, {4}, {5}} << int(',') << int('.') << true;
}

void TestSeriesCsv::loads() {
  QFETCH(QByteArray, bytes);
  QFETCH(CsvHeader, header);
  QFETCH(QStringList, names);
  QFETCH(Columns, columns);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("data.csv"), bytes);
  CsvOptions options;
  options.header = header;
  QString error;
  const auto table = loadCsv(path, options, &error);
  QVERIFY2(table, qPrintable(error));
  QCOMPARE(table->path, path);
  QCOMPARE(table->columnNames, names);
  QCOMPARE(table->columns, columns);
  QCOMPARE(table->rows, std::int64_t(columns.front().size()));
  QTEST(int(table->delimiter), "delimiter");
  QTEST(int(table->decimal), "decimal");
  QTEST(table->hadHeader, "hadHeader");
}

// Each row: the file, and the whole message after "<path>: ". Line numbers count blank lines, as an editor does.
void TestSeriesCsv::refuses_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<QString>("message");
  QTest::newRow("text in a number column")
      << QByteArray("time,temp\n0,1\n1,2\n2,3\n3,4\n4,5\n5,n/a\n6,7\n")
      << QStringLiteral("line 7, column \"temp\": \"n/a\" is not a number");
  QTest::newRow("blank line still counted")
      << QByteArray("time,temp\n\n0,1\r\n\r\n1,x\n") << QStringLiteral("line 5, column \"temp\": \"x\" is not a number");
  QTest::newRow("line break inside quotes counted")
      << QByteArray("\"ti\nme\",temp\n0,1\n1,oops\n")
      << QStringLiteral("line 4, column \"temp\": \"oops\" is not a number");
  QTest::newRow("no header: column number")
      << QByteArray("0,1\n1,2\n2,?\n") << QStringLiteral("line 3, column 2: \"?\" is not a number");
  QTest::newRow("missing value") << QByteArray("a,b\n1,2\n3,\n") << QStringLiteral("line 3, column \"b\": the value is missing");
  QTest::newRow("quoted empty value") << QByteArray("a,b\n1,\"\"\n") << QStringLiteral("line 2, column \"b\": the value is missing");
  QTest::newRow("nan") << QByteArray("a\n1\nnan\n") << QStringLiteral("line 3, column \"a\": \"nan\" is not a number");
  QTest::newRow("inf") << QByteArray("a\n1\n-inf\n") << QStringLiteral("line 3, column \"a\": \"-inf\" is not a number");
  QTest::newRow("hex") << QByteArray("a\n1\n0x10\n") << QStringLiteral("line 3, column \"a\": \"0x10\" is not a number");
  QTest::newRow("thousands separator") << QByteArray("a,b\n1,2\n3,1 000\n")
                                       << QStringLiteral("line 3, column \"b\": \"1 000\" is not a number");
  QTest::newRow("out of range") << QByteArray("a\n1\n1e999\n")
                                << QStringLiteral("line 3, column \"a\": \"1e999\" is out of the range of a double");
  QTest::newRow("wrong field count") << QByteArray("a,b\n1,2\n\n3,4,5\n") << QStringLiteral("line 4 has 3 fields, but line 1 has 2");
  QTest::newRow("too few fields") << QByteArray("1,2\n3,4\n5\n") << QStringLiteral("line 3 has 1 fields, but line 1 has 2");
  QTest::newRow("empty file") << QByteArray() << QStringLiteral("the file is empty");
  QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << QStringLiteral("the file is empty");
  QTest::newRow("only blank lines") << QByteArray("\n\r\n  \n") << QStringLiteral("the file has only blank lines");
  QTest::newRow("header only") << QByteArray("\ntime,temp\n") << QStringLiteral("the file has a header (line 2) but no rows of numbers");
  QTest::newRow("no numeric column") << QByteArray("name,city\nBob,Paris\n")
                                     << QStringLiteral("no column holds numbers (line 2: \"Bob\", \"Paris\")");
  QTest::newRow("unclosed quote") << QByteArray("a,b\n1,2\n3,\"4\n5,6\n")
                                  << QStringLiteral("line 3: a quoted field is not closed before the end of the file");
}

void TestSeriesCsv::refuses() {
  QFETCH(QByteArray, bytes);
  QFETCH(QString, message);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("data.csv"), bytes);
  QString error;
  QVERIFY(!loadCsv(path, CsvOptions{}, &error));
  QCOMPARE(error, path + QStringLiteral(": ") + message);
  QVERIFY(!loadCsv(path, CsvOptions{}, nullptr)); // the error is optional
}

void TestSeriesCsv::givenDialect() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("single.csv"), QByteArray("temp\n1,5\n2,25\n"));
  CsvOptions options;
  QString error;
  QVERIFY(!loadCsv(path, options, &error)); // detected as two columns: documented, so the delimiter is given
  options.delimiter = U';';
  const auto table = loadCsv(path, options, &error);
  QVERIFY2(table, qPrintable(error));
  QCOMPARE(table->columns, (Columns{{1.5, 2.25}}));
  QCOMPARE(table->decimal, U',');
  options.delimiter = U',';
  options.decimal = U',';
  QVERIFY(!loadCsv(path, options, &error));
  QCOMPARE(error, path + QStringLiteral(": the delimiter and the decimal separator are both ','"));
  options.decimal = U'\'';
  QVERIFY(!loadCsv(path, options, &error));
  QCOMPARE(error, path + QStringLiteral(": the decimal separator must be '.' or ','"));
  options = CsvOptions{};
  options.delimiter = U'"';
  QVERIFY(!loadCsv(path, options, &error));
  QVERIFY2(error.contains(QStringLiteral("the delimiter must be")), qPrintable(error));
}

void TestSeriesCsv::missingFile() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("absent.csv"));
  QString error;
  QVERIFY(!loadCsv(path, CsvOptions{}, &error));
  QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
  QVERIFY2(error.contains(QStringLiteral("No such file")), qPrintable(error));
  QVERIFY(!loadCsv(dir.path(), CsvOptions{}, &error));
  QCOMPARE(error, dir.path() + QStringLiteral(": this is a directory, not a CSV file"));
}

void TestSeriesCsv::maxBytesRefusedBeforeReading() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  // Invalid as CSV too: had it been parsed, the message would be about line 3, and progress would be called.
  const QString path = writeFile(dir, QStringLiteral("big.csv"), QByteArray("a,b\n1,2\n3,x\n"));
  CsvOptions options;
  options.maxBytes = 11;
  int calls = 0;
  QString error;
  QVERIFY(!loadCsv(path, options, &error, [&](std::int64_t, std::int64_t) { return ++calls, true; }));
  QCOMPARE(error, path + QStringLiteral(": the file has 12 bytes, more than the limit of 11"));
  QCOMPARE(calls, 0);
  options.maxBytes = 12;
  QVERIFY(!loadCsv(path, options, &error));
  QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
}

void TestSeriesCsv::progressAndCancel() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  QByteArray bytes("step,value\n");
  for (int i = 0; i < 200000; ++i)
    bytes += QByteArray::number(i) + ',' + QByteArray::number(double(i) * 0.25, 'f', 2) + '\n';
  const QString path = writeFile(dir, QStringLiteral("long.csv"), bytes);
  std::vector<std::int64_t> done;
  QString error;
  const auto table = loadCsv(path, CsvOptions{}, &error, [&](std::int64_t d, std::int64_t total) {
    done.push_back(d);
    return total == bytes.size();
  });
  QVERIFY2(table, qPrintable(error));
  QCOMPARE(table->rows, std::int64_t(200000));
  QCOMPARE(table->columns[1][199999], 199999 * 0.25);
  QVERIFY(done.size() >= 2);
  QVERIFY(std::is_sorted(done.begin(), done.end()));
  QCOMPARE(done.back(), std::int64_t(bytes.size()));

  QVERIFY(!loadCsv(path, CsvOptions{}, &error, [](std::int64_t, std::int64_t) { return false; }));
  QCOMPARE(error, path + QStringLiteral(": loading was cancelled"));
}

void TestSeriesCsv::selectsColumns() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("data.csv"), QByteArray("time,temp\n0,20\n1,21\n"));
  QString error;
  const auto table = loadCsv(path, CsvOptions{}, &error);
  QVERIFY2(table, qPrintable(error));
  QCOMPARE(csvColumn(*table, QStringLiteral("temp"), &error), std::optional(std::vector<double>{20, 21}));
  QCOMPARE(csvColumn(*table, QStringLiteral("1"), &error), std::optional(std::vector<double>{0, 1}));
  QCOMPARE(csvColumn(*table, QStringLiteral(" 2 "), &error), std::optional(std::vector<double>{20, 21}));
  QVERIFY(!csvColumn(*table, QStringLiteral("pressure"), &error));
  QCOMPARE(error, path + QStringLiteral(": there is no column \"pressure\"; the columns are \"time\", \"temp\" (or 1 to 2 by number)"));
  QVERIFY(!csvColumn(*table, QStringLiteral("3"), &error));
  QCOMPARE(error, path + QStringLiteral(": there is no column 3; the columns are \"time\", \"temp\" (or 1 to 2 by number)"));
  QVERIFY(!csvColumn(*table, QStringLiteral("0"), nullptr));
}

void TestSeriesCsv::textColumnsAreSkipped() {
  // Dates and labels beside the numbers: the file loads, the number columns are checked as always, and only
  // choosing a text column is refused, with where its text is.
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("daily.csv"),
                                 QByteArray("date,temp,station\n2024-01-30,3.5,north\n2024-01-31,4,north\n2024-02-01,-1,\n"));
  QString error;
  const auto table = loadCsv(path, CsvOptions{}, &error);
  QVERIFY2(table, qPrintable(error));
  QCOMPARE(table->rows, 3);
  QCOMPARE(table->columnNames, (QStringList{QStringLiteral("date"), QStringLiteral("temp"), QStringLiteral("station")}));
  QCOMPARE(csvColumn(*table, QStringLiteral("temp"), &error), std::optional(std::vector<double>{3.5, 4, -1}));
  QVERIFY(!csvColumn(*table, QStringLiteral("date"), &error));
  QCOMPARE(error, path + QStringLiteral(": column \"date\" holds text, not numbers (line 2: \"2024-01-30\")"));
  QVERIFY(!csvColumn(*table, QStringLiteral("3"), &error));
  QCOMPARE(error, path + QStringLiteral(": column \"station\" holds text, not numbers (line 2: \"north\")"));
  // Text further down a number column is still an error with its line.
  const QString bad = writeFile(dir, QStringLiteral("bad.csv"), QByteArray("date,temp\n2024-01-30,3.5\n2024-01-31,warm\n"));
  QVERIFY(!loadCsv(bad, CsvOptions{}, &error));
  QCOMPARE(error, bad + QStringLiteral(": line 3, column \"temp\": \"warm\" is not a number"));
}

void TestSeriesCsv::scalingRoundTrip() {
  const std::vector<double> values{2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0};
  const SeriesScaling scaling = SeriesScaling::fit(values);
  QCOMPARE(scaling.mean, 5.0);
  QCOMPARE(scaling.stddev, 2.0); // population standard deviation of this textbook sample
  QCOMPARE(scaling.apply(9.0), 2.0);
  double sum = 0.0;
  for (const double v : values) {
    sum += scaling.apply(v);
    QCOMPARE(scaling.invert(scaling.apply(v)), v);
  }
  QCOMPARE(sum, 0.0);
  // Far from zero the two-pass fit keeps its precision.
  const std::vector<double> shifted{1e9 + 1, 1e9 + 3};
  QCOMPARE(SeriesScaling::fit(shifted).stddev, 1.0);
  QCOMPARE(SeriesScaling::fit(shifted).mean, 1e9 + 2);
}

void TestSeriesCsv::scalingOfConstantSeries() {
  const std::vector<double> constant(5, 3.5);
  const SeriesScaling scaling = SeriesScaling::fit(constant);
  QCOMPARE(scaling.mean, 3.5);
  QCOMPARE(scaling.stddev, 1.0);
  QCOMPARE(scaling.apply(3.5), 0.0);
  QCOMPARE(scaling.invert(0.0), 3.5);
  const SeriesScaling empty = SeriesScaling::fit({});
  QCOMPARE(empty.mean, 0.0);
  QCOMPARE(empty.stddev, 1.0);
}

QTEST_GUILESS_MAIN(TestSeriesCsv)
#include "tst_series_csv.moc"
