#include "equations_view.h"

#include "common/display_style.h"
#include "common/quantity_style.h"
#include "common/refresh_coalescer.h"
#include "explorer_session.h"

#include <QEvent>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace lstm {

namespace {

QString number(double value) { return QString::number(value, 'f', 4); }
// A term inside a sum or product: negative numbers in parentheses, so "+ (-0.2)" reads unambiguously.
QString term(double value) { return value < 0.0 ? QStringLiteral("(%1)").arg(number(value)) : number(value); }
QString sub(const QString &base, const QString &index) { return base + QStringLiteral("<sub>") + index + QStringLiteral("</sub>"); }
QString xt() { return sub(QStringLiteral("x"), QStringLiteral("t")); }
QString hPrev() { return sub(QStringLiteral("h"), QStringLiteral("t−1")); }
QString cPrev() { return sub(QStringLiteral("c"), QStringLiteral("t−1")); }

QString swatch(Quantity q, double value) {
  return QStringLiteral("<span style=\"color:%1\">■</span>").arg(quantityColor(q, value).name());
}

QString replaced(const QString &what) {
  return QStringLiteral(" <span style=\"color:#e66e00\"><b>→ %1</b></span>").arg(what);
}

// Rich text → the plain form plainText() promises: <sub>x</sub> → _x (or _{x}), lines from paragraphs.
QString toPlain(QString html) {
  static const QRegularExpression subscript(QStringLiteral("<sub>([^<]*)</sub>"));
  static const QRegularExpression lineEnd(QStringLiteral("</p>|<br */?>"));
  static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
  QString plain;
  qsizetype last = 0;
  for (auto it = subscript.globalMatch(html); it.hasNext();) {
    const auto match = it.next();
    const QString index = match.captured(1);
    plain += QStringView(html).mid(last, match.capturedStart() - last);
    plain += index.size() == 1 ? QStringLiteral("_") + index : QStringLiteral("_{%1}").arg(index);
    last = match.capturedEnd();
  }
  plain += QStringView(html).mid(last);
  plain.replace(lineEnd, QStringLiteral("\n"));
  plain.remove(tag);
  plain.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
  plain.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
  plain.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
  plain.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
  plain.replace(QStringLiteral("&nbsp;"), QString());
  plain.remove(QStringLiteral("■ ")); // the colour swatches
  plain.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
  return plain.trimmed();
}

} // namespace

EquationsView::EquationsView(ExplorerSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_coalescer(new RefreshCoalescer(this, [this] { refresh(); })),
      m_browser(new QTextBrowser(this)) {
  setObjectName(QStringLiteral("equationsView"));
  m_browser->setObjectName(QStringLiteral("equationsText"));
  m_browser->setOpenLinks(false);
  m_browser->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  m_browser->setLineWrapMode(QTextEdit::WidgetWidth);
  // A student reads the numbers off this, often on a projector: larger than the window's text, and larger
  // still while presenting.
  m_readablePoints = std::max(11.0, m_browser->font().pointSizeF() + 2.0);
  const auto applyFont = [this] {
    QFont readable = m_browser->font();
    readable.setPointSizeF(m_readablePoints * displayStyle().fontScale());
    m_browser->setFont(readable);
  };
  applyFont();
  connect(&displayStyle(), &DisplayStyle::changed, this, applyFont);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_browser);
  session->onFocusChanged(this, [this] { m_coalescer->request(); });
  m_coalescer->runNow();
}

EquationsView::~EquationsView() = default;

long long EquationsView::refreshCount() const { return m_coalescer->refreshCount(); }

void EquationsView::refreshNow() { m_coalescer->runNow(); }

void EquationsView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    m_coalescer->request(); // the text is built from tr() strings on every refresh
  QWidget::changeEvent(event);
}

void EquationsView::refresh() {
  m_values = computeSelectedStepValues(*m_session);
  const QString html = buildHtml();
  if (html == m_html)
    return; // keeps the user's selection while nothing shown changes
  m_html = html;
  m_plainText = toPlain(html);
  m_browser->setHtml(html);
}

QString EquationsView::buildHtml() const {
  const StepValues &v = m_values;
  if (!v.valid)
    return QStringLiteral("<p style=\"color:#777\">%1</p>")
        .arg(tr("Step through the text to see the equations of the selected unit with this step's numbers.")
                 .toHtmlEscaped());
  QStringList lines;
  const QString reading = v.tokenLabel.isEmpty() ? v.inputDescription : QStringLiteral("'%1'").arg(v.tokenLabel);
  lines << QStringLiteral("<b>%1</b>").arg(
      tr("Layer %1, unit %2, step %3, reading %4").arg(v.layer).arg(v.unit).arg(v.step + 1).arg(reading).toHtmlEscaped());
  const bool oneHot = v.layer == 0 && v.input.empty();
  lines << xt() + QStringLiteral(" = ") + v.inputDescription.toHtmlEscaped() + QStringLiteral(": ") +
               (oneHot ? tr("W x picks column %1 of W_ih").arg(v.token).toHtmlEscaped()
                       : tr("W x sums over its %1 components").arg(v.inputWidth).toHtmlEscaped());
  lines << hPrev() + QStringLiteral(" = ") + number(v.hiddenPrev) + QStringLiteral(", ") + cPrev() +
               QStringLiteral(" = ") + number(v.cellPrev) + QStringLiteral(" ") +
               tr("(this unit at the previous step; W h sums over all %1 units of h, rows u, H+u, 2H+u, 3H+u)")
                   .arg(v.hiddenSize)
                   .toHtmlEscaped();
  lines << QStringLiteral("<span style=\"color:#666\">%1</span>")
               .arg(tr("Each gate: f(input part W x + recurrent part W h + bias b_ih + b_hh) = f(a) = value")
                        .toHtmlEscaped());

  const struct {
    Gate gate;
    const char *letter;
    const char *function;
  } gates[] = {{Gate::Input, "i", "σ"}, {Gate::Forget, "f", "σ"}, {Gate::Cell, "g", "tanh"}, {Gate::Output, "o", "σ"}};
  for (const auto &row : gates) {
    const auto k = std::size_t(row.gate);
    const QString letter = QString::fromLatin1(row.letter), fn = QString::fromUtf8(row.function);
    const QString ii = QStringLiteral("i") + letter, hi = QStringLiteral("h") + letter;
    QString line = swatch(Quantity(int(row.gate)), v.gate[k]) + QStringLiteral(" ") + sub(letter, QStringLiteral("t")) +
                   QStringLiteral(" = %1(").arg(fn) + sub(QStringLiteral("W"), ii) + QStringLiteral(" ") + xt() +
                   QStringLiteral(" + ") + sub(QStringLiteral("b"), ii) + QStringLiteral(" + ") +
                   sub(QStringLiteral("W"), hi) + QStringLiteral(" ") + hPrev() + QStringLiteral(" + ") +
                   sub(QStringLiteral("b"), hi) + QStringLiteral(")");
    line += QStringLiteral(" = %1(%2 + %3 + %4) = %1(%5) = ")
                .arg(fn, term(v.inputPart[k]), term(v.recurrentPart[k]), term(v.bias[k]), number(v.preActivation[k]));
    if (v.gateClamped[k])
      line += number(v.activation[k]) +
              replaced(tr("clamped: %1 = %2 instead of %3").arg(letter, number(v.gate[k]), number(v.activation[k])));
    else
      line += QStringLiteral("<b>%1</b>").arg(number(v.gate[k]));
    lines << line;
  }
  lines << QString();

  const double i = v.gateValue(Gate::Input), f = v.gateValue(Gate::Forget);
  const double g = v.gateValue(Gate::Cell), o = v.gateValue(Gate::Output);
  QString cellLine = swatch(Quantity::Cell, v.cell) + QStringLiteral(" ") + sub(QStringLiteral("c"), QStringLiteral("t")) +
                     QStringLiteral(" = f ⊙ ") + cPrev() + QStringLiteral(" + i ⊙ g = %1·%2 + %3·%4 = %5 + %6 = ")
                                                            .arg(number(f), term(v.cellPrev), number(i), term(g),
                                                                 number(v.forgetTerm), term(v.inputTerm));
  if (v.cellChanged) {
    QString what;
    for (const Intervention &iv : v.interventions)
      if (iv.kind != InterventionKind::ClampGate && iv.kind != InterventionKind::ZeroHidden)
        what = describeIntervention(iv);
    cellLine += number(v.cellComputed) +
                replaced(tr("%1: c = %2 instead of %3").arg(what, number(v.cell), number(v.cellComputed)).toHtmlEscaped());
  } else {
    cellLine += QStringLiteral("<b>%1</b>").arg(number(v.cell));
  }
  lines << cellLine;

  QString hiddenLine = swatch(Quantity::Hidden, v.hidden) + QStringLiteral(" ") +
                       sub(QStringLiteral("h"), QStringLiteral("t")) + QStringLiteral(" = o ⊙ tanh(") +
                       sub(QStringLiteral("c"), QStringLiteral("t")) +
                       QStringLiteral(") = %1·tanh(%2) = %1·%3 = ").arg(number(o), number(v.cell), term(v.tanhCell));
  if (v.hiddenChanged)
    hiddenLine += number(v.hiddenComputed) +
                  replaced(tr("h zeroed: h = %1 instead of %2").arg(number(v.hidden), number(v.hiddenComputed)));
  else
    hiddenLine += QStringLiteral("<b>%1</b>").arg(number(v.hidden));
  lines << hiddenLine;

  QString html = QStringLiteral("<html><body style=\"line-height:140%\">");
  for (const QString &line : lines)
    html += QStringLiteral("<p style=\"margin:2px 0\">%1</p>").arg(line.isEmpty() ? QStringLiteral("&nbsp;") : line);
  return html + QStringLiteral("</body></html>");
}

} // namespace lstm
