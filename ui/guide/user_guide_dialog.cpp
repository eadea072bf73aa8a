#include "user_guide_dialog.h"

#include "common/language.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace lstm {

UserGuideDialog::UserGuideDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this)) {
  setObjectName(QStringLiteral("userGuideDialog"));
  setModal(false);
  m_browser->setObjectName(QStringLiteral("userGuideBrowser"));
  m_browser->setOpenExternalLinks(false); // the guide links only inside itself
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_browser);
  layout->addWidget(buttons);
  resize(720, 640);
  retranslateUi();
}

QString UserGuideDialog::guideResource(const QString &language) {
  return language.startsWith(QStringLiteral("zh")) ? QStringLiteral(":/help/user-guide.zh_CN.html")
                                                   : QStringLiteral(":/help/user-guide.en.html");
}

void UserGuideDialog::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QDialog::changeEvent(event);
}

void UserGuideDialog::retranslateUi() {
  setWindowTitle(tr("LSTM Explorer user guide"));
  m_browser->setSource(QUrl(QStringLiteral("qrc") + guideResource(currentLanguage())));
}

} // namespace lstm
