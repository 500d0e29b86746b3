//! Setting up 楽楽コネクタ: the QanatUniverse agent installed and started, then the four
//! 「連携設定」 steps (楽楽明細 API, the agent, customer data, bill data), the IP allow-list when
//! that option is used, a check of the agent's local folders and a settings sheet. Source: the
//! manual 「楽楽コネクタの連携設定方法」 (seeds/004, 記事ID:1230), quoted in its own words.

use crate::flow::{FlowDef, LinkId, StepDef, StepKind};
use crate::form::{ChoiceDef, FieldDef, FieldInput};
use crate::kind::{CredentialKind, Marketplace};
use crate::lang::Text;
use crate::rakuraku::{CONNECTOR_IP_ADDRESSES, DEFAULT_AGENT_FOLDER_WINDOWS};

/// The flow's id.
pub const RAKURAKU_CONNECTOR: &str = "rakuraku_connector";

const CONNECTOR: Text = Text::new("楽楽コネクタ", "楽楽コネクタ (Rakuraku Connector)");
const SETTINGS: Text = Text::new("連携設定", "連携設定 (link settings)");

const FOLDER_RULE: Text = Text::new(
    "Qanat Universeエージェント内の「ファイルの配置場所」に続くフォルダ名を指定ください。",
    "Give the folder name that follows the 「ファイルの配置場所」 (file location) in the Qanat Universe agent.",
);
const PREFIX_RULE: Text = Text::new(
    "※ファイル名は「前方一致」での連携となります。",
    "Files are linked by prefix match (前方一致): every file whose name starts with this is picked up.",
);

const READ: ChoiceDef = ChoiceDef {
    id: "true",
    label: Text::new("読み込む", "読み込む (read it)"),
    help: None,
};
const SKIP: ChoiceDef = ChoiceDef {
    id: "false",
    label: Text::new("読み込まない", "読み込まない (do not read it)"),
    help: None,
};

const OPTION_FIELDS: &[FieldDef] = &[
    FieldDef {
        id: "ipRestriction",
        label: Text::new(
            "IPアドレス制限オプションをご利用されている",
            "You use the IPアドレス制限 (IP address restriction) option",
        ),
        help: &[Text::new(
            "ご利用の場合、楽楽コネクタから「楽楽明細」へのアクセスができるようIPアドレスの追加が必要です。",
            "If you do, addresses must be added so that 楽楽コネクタ can reach 楽楽明細.",
        )],
        input: FieldInput::Toggle,
        required: false,
        only_if: None,
    },
    FieldDef {
        id: "approvalFlowOption",
        label: Text::new(
            "承認フローオプションをお申し込みしている",
            "You have the 承認フロー (approval flow) option",
        ),
        help: &[Text::new(
            "お申し込みの場合のみ、帳票データ連携設定で承認フローIDを入力します。",
            "Only then is a 承認フローID entered in the bill-data settings.",
        )],
        input: FieldInput::Toggle,
        required: false,
        only_if: None,
    },
];

const STEP1_FIELDS: &[FieldDef] = &[
    FieldDef {
        id: "meisaiUrl",
        label: Text::new("「楽楽明細」URL", "「楽楽明細」URL (楽楽明細 URL)"),
        help: &[
            Text::new(
                "貴社管理画面URLの「https://rbsample.eco-serv.jp/xxxxxxx/」までを貼り付けます。",
                "Paste your admin screen's URL up to 「https://rbsample.eco-serv.jp/xxxxxxx/」.",
            ),
            Text::new(
                "(末尾の「/backadmin」は削除します。)",
                "(The trailing 「/backadmin」 is removed.)",
            ),
            Text::new(
                "※URLのrbsampleとxxx部分はご利用環境により異なります。",
                "The rbsample and xxx parts of the URL differ with your environment.",
            ),
        ],
        input: FieldInput::Url,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "apiToken",
        label: Text::new("APIトークン", "APIトークン (API token)"),
        help: &[
            Text::new(
                "「楽楽明細」のAPI設定画面にて発行したコードです。",
                "The code issued on 楽楽明細's API settings screen.",
            ),
            Text::new(
                "APIトークンの発行方法については、「API連携」を参照ください。",
                "For how to issue the API token, see 「API連携」 (API integration).",
            ),
        ],
        input: FieldInput::Secret {
            kind: CredentialKind::RakurakuApiToken,
        },
        required: true,
        only_if: None,
    },
];

const STEP2_FIELDS: &[FieldDef] = &[
    FieldDef {
        id: "agentId",
        label: Text::new("AgentID", "AgentID"),
        help: &[Text::new(
            "QanatUniverseエージェントの設定画面の「エージェントID(AgentId)」を貼り付けます。",
            "Paste the 「エージェントID(AgentId)」 from the QanatUniverse agent's settings screen.",
        )],
        input: FieldInput::Text,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "agentKey",
        label: Text::new("AgentKey", "AgentKey"),
        help: &[Text::new(
            "QanatUniverseエージェントの設定画面の「エージェントキー(AgentKey)」を貼り付けます。",
            "Paste the 「エージェントキー(AgentKey)」 from the QanatUniverse agent's settings screen.",
        )],
        input: FieldInput::Secret {
            kind: CredentialKind::RakurakuAgentKey,
        },
        required: true,
        only_if: None,
    },
];

const STEP3_FIELDS: &[FieldDef] = &[
    FieldDef {
        id: "customer.importSettingId",
        label: Text::new("取込設定ID", "取込設定ID (import setting ID)"),
        help: &[
            Text::new(
                "使用する取込設定IDを入力してください。",
                "Enter the import setting ID to use.",
            ),
            Text::new(
                "取込設定IDとは、「楽楽明細」で設定されている取込フォーマット設定ごとのIDとなります。",
                "The 取込設定ID is the ID of each import format setting configured in 楽楽明細.",
            ),
            Text::new(
                "取込設定IDは基本設定>顧客CSVの取込フォーマット設定からご確認いただけます。",
                "Find it under 基本設定 > 顧客CSVの取込フォーマット設定 (customer CSV import format settings).",
            ),
            Text::new(
                "未入力の場合、取込設定IDの値が最も小さい取込フォーマット設定が適用されます。",
                "Left empty, the import format setting with the smallest ID is used.",
            ),
        ],
        input: FieldInput::Number,
        required: false,
        only_if: None,
    },
    FieldDef {
        id: "customer.folder",
        label: Text::new("フォルダ名", "フォルダ名 (folder name)"),
        help: &[
            Text::new(
                "連携する顧客データを配置するフォルダを指定します。",
                "The folder where the customer data to link is placed.",
            ),
            FOLDER_RULE,
            Text::new(
                "【例】C:\\_qanatuniverse\\_qua\\userdata\\clientmaster に顧客データを配置したい場合⇒「clientmaster」と指定します。",
                "Example: to place customer data in C:\\_qanatuniverse\\_qua\\userdata\\clientmaster, enter 「clientmaster」.",
            ),
        ],
        input: FieldInput::FolderName,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "customer.fileName",
        label: Text::new("ファイル名", "ファイル名 (file name)"),
        help: &[
            Text::new(
                "連携する顧客データのファイル名を指定します。",
                "The file name of the customer data to link.",
            ),
            PREFIX_RULE,
        ],
        input: FieldInput::FilePrefix,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "customer.overwriteInUse",
        label: Text::new("利用中の上書き", "利用中の上書き (overwrite customers in use)"),
        help: &[Text::new(
            "Web利用ステータスが「利用中」のお客様のデータをCSV取り込む際にデータを上書きするかを選択できます。",
            "Choose whether importing the CSV overwrites the data of customers whose Web利用ステータス (web status) is 「利用中」 (in use).",
        )],
        input: FieldInput::Choice {
            options: &[
                ChoiceDef {
                    id: "true",
                    label: Text::new("上書きする", "上書きする (overwrite)"),
                    help: None,
                },
                ChoiceDef {
                    id: "false",
                    label: Text::new("上書きしない", "上書きしない (do not overwrite)"),
                    help: None,
                },
            ],
        },
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "customer.overwriteWithBlank",
        label: Text::new("空白での上書き", "空白での上書き (overwrite with blanks)"),
        help: &[Text::new(
            "既にデータが登録されている項目が、取り込むCSVデータでは空白だった場合、もとの値を残すか、空白で上書きをするかを選択できます。",
            "When an item that already has data is blank in the imported CSV, choose whether to keep the original value or overwrite it with the blank.",
        )],
        input: FieldInput::Choice {
            options: &[
                ChoiceDef {
                    id: "false",
                    label: Text::new("もとの値を残す", "もとの値を残す (keep the original value)"),
                    help: None,
                },
                ChoiceDef {
                    id: "true",
                    label: Text::new("空白で上書きする", "空白で上書きする (overwrite with the blank)"),
                    help: None,
                },
            ],
        },
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "customer.readFirstRow",
        label: Text::new("ファイル1行目", "ファイル1行目 (first row of the file)"),
        help: &[Text::new(
            "連携する顧客データの1行目を読み込むか設定します。",
            "Set whether the first row of the customer data is read.",
        )],
        input: FieldInput::Choice {
            options: &[READ, SKIP],
        },
        required: true,
        only_if: None,
    },
];

/// Relative to each element of `reports`.
const STEP4_FIELDS: &[FieldDef] = &[
    FieldDef {
        id: "timing",
        label: Text::new("連携タイミング", "連携タイミング (timing)"),
        help: &[
            Text::new(
                "データの連携タイミングを指定ください。",
                "Choose when the data is linked.",
            ),
            Text::new(
                "「連携しない」:楽楽コネクタ連携は行われません。",
                "「連携しない」 (do not link): no 楽楽コネクタ link takes place.",
            ),
            Text::new(
                "「手動実行」:任意のタイミングで連携を実行します。",
                "「手動実行」 (run by hand): the link runs whenever you choose.",
            ),
            Text::new(
                "「スケジュール実行」:設定したスケジュールごとに自動で連携を実行します。",
                "「スケジュール実行」 (run on a schedule): the link runs automatically on the schedule set.",
            ),
            Text::new(
                "実行間隔は「毎日」「毎週」「毎月」、時間は「0時」~「23時」の1時間ごとに設定できます。",
                "The interval can be 「毎日」 (daily), 「毎週」 (weekly) or 「毎月」 (monthly), and the time any full hour from 0:00 to 23:00.",
            ),
        ],
        input: FieldInput::Timing,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "reportName",
        label: Text::new("帳票名", "帳票名 (bill name)"),
        help: &[Text::new(
            "連携する帳票設定の帳票名を入力します。",
            "Enter the bill name of the bill setting to link.",
        )],
        input: FieldInput::Text,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "reportTypeId",
        label: Text::new("帳票種別ID", "帳票種別ID (bill type ID)"),
        help: &[
            Text::new(
                "「楽楽明細」帳票ごとのIDを入力してください。",
                "Enter the ID of the 楽楽明細 bill.",
            ),
            Text::new(
                "帳票種別IDの確認方法については、「帳票の設定」を参照ください。",
                "For how to find the 帳票種別ID, see 「帳票の設定」 (bill settings).",
            ),
        ],
        input: FieldInput::Number,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "folder",
        label: Text::new("フォルダ名", "フォルダ名 (folder name)"),
        help: &[
            Text::new(
                "連携する帳票データを配置するフォルダを指定します。",
                "The folder where the bill data to link is placed.",
            ),
            FOLDER_RULE,
            Text::new(
                "【例】C:\\_qanatuniverse\\_qua\\userdata\\billdata に帳票データを配置したい場合→「billdata」と指定します。",
                "Example: to place bill data in C:\\_qanatuniverse\\_qua\\userdata\\billdata, enter 「billdata」.",
            ),
        ],
        input: FieldInput::FolderName,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "fileName",
        label: Text::new("ファイル名", "ファイル名 (file name)"),
        help: &[
            // The manual's sentence, as written (it says 顧客データ in the bill-data section).
            Text::new(
                "連携する顧客データのファイル名を指定します。",
                "The file name of the data to link (the manual says customer data here).",
            ),
            Text::new(
                "（ここでは帳票データのファイル名を指定します。）",
                "(Here, give the file name of the bill data.)",
            ),
            PREFIX_RULE,
        ],
        input: FieldInput::FilePrefix,
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "readFirstRow",
        label: Text::new("ファイル1行目", "ファイル1行目 (first row of the file)"),
        help: &[Text::new(
            "連携する帳票データの1行目を読み込むか設定します。",
            "Set whether the first row of the bill data is read.",
        )],
        input: FieldInput::Choice {
            options: &[READ, SKIP],
        },
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "approve",
        label: Text::new("承認フラグ", "承認フラグ (approval flag)"),
        help: &[Text::new(
            "帳票データの承認方法を選択します。",
            "Choose how the bill data is approved.",
        )],
        input: FieldInput::Choice {
            options: &[
                ChoiceDef {
                    id: "true",
                    label: Text::new("承認する", "承認する (approve)"),
                    help: Some(Text::new(
                        "「楽楽明細」上での承認をスキップしたい場合に選択します。連携の実行後に帳票が即時発行されますので、「楽楽明細」での承認は不要です。",
                        "Choose this to skip approval in 楽楽明細. The bills are issued as soon as the link runs, so no approval in 楽楽明細 is needed.",
                    )),
                },
                ChoiceDef {
                    id: "false",
                    label: Text::new("承認しない", "承認しない (do not approve)"),
                    help: Some(Text::new(
                        "「楽楽明細」上で承認したい場合に選択します。連携の実行後には、「楽楽明細」の帳票データ>「承認依頼待ち」タブに帳票が表示されます。",
                        "Choose this to approve in 楽楽明細. After the link runs, the bills appear in 楽楽明細's 帳票データ > 「承認依頼待ち」 (awaiting approval) tab.",
                    )),
                },
            ],
        },
        required: true,
        only_if: None,
    },
    FieldDef {
        id: "approvalFlowId",
        label: Text::new("承認フローID", "承認フローID (approval flow ID)"),
        help: &[
            Text::new(
                "(承認フローオプションをお申し込みの場合のみ)",
                "(Only with the 承認フロー option.)",
            ),
            Text::new(
                "使用する承認フローIDを入力してください。",
                "Enter the approval flow ID to use.",
            ),
            Text::new(
                "承認フローIDは基本設定>承認フロー設定>編集画面よりご確認いただけます。",
                "Find it under 基本設定 > 承認フロー設定 > the edit screen.",
            ),
            Text::new(
                "承認フラグで「承認する」を選択する場合は、承認フロー設定にて「承認をスキップする」にチェックを入れている設定のみ使用できます。",
                "With 承認フラグ set to 「承認する」, only a flow whose settings have 「承認をスキップする」 (skip approval) checked can be used.",
            ),
        ],
        input: FieldInput::Number,
        required: false,
        only_if: Some("approvalFlowOption"),
    },
];

const STEPS: &[StepDef] = &[
    StepDef {
        id: "shop",
        title: Text::new("ショップを選ぶ", "Choose the shop"),
        body: &[
            Text::new(
                "楽楽コネクタを設定する「楽楽明細」のご契約（ショップ）を選んでください。初めての場合は追加します。",
                "Choose the 楽楽明細 account (shop) whose 楽楽コネクタ you are setting up. If this is your first time, add it.",
            ),
            Text::new(
                "楽楽コネクタオプションをご契約の場合、特定のフォルダに配置した顧客データ・帳票データを手動もしくは設定したスケジュールごとに自動で連携いただけるようになります。",
                "With the 楽楽コネクタ option, customer data and bill data placed in particular folders are linked by hand or automatically on a schedule you set.",
            ),
            Text::new(
                "※ご利用の際はAPI連携オプションを合わせて申込いただく必要がございます。",
                "The API連携 (API integration) option must be applied for as well.",
            ),
        ],
        kind: StepKind::ChooseShop,
    },
    StepDef {
        id: "options",
        title: Text::new("ご利用のオプション", "Your options"),
        body: &[Text::new(
            "ご契約中のオプションを選んでください。IPアドレス制限と承認フローの手順は、そのオプションをご利用の場合だけ表示します。",
            "Tick the options you have. The IP address restriction and approval flow parts are shown only if you use those options.",
        )],
        kind: StepKind::Form {
            fields: OPTION_FIELDS,
            repeat: None,
        },
    },
    StepDef {
        id: "connector_login",
        title: Text::new("楽楽コネクタにログイン", "Log in to 楽楽コネクタ"),
        body: &[
            Text::new("「ログイン」をクリックします。", "Click 「ログイン」 (log in)."),
            Text::new(
                "IDとパスワードを入力し、「LOG IN」をクリックします。",
                "Enter the ID and password, and click 「LOG IN」.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[CONNECTOR, Text::new("ログイン", "ログイン (log in)")],
            highlight: 1,
            link: Some(LinkId::RakurakuConnectorManual),
            captcha: false,
        },
    },
    StepDef {
        id: "connector_settings",
        title: Text::new("連携設定を開く", "Open 連携設定"),
        body: &[Text::new(
            "「連携設定」をクリックします。",
            "Click 「連携設定」 (link settings).",
        )],
        kind: StepKind::Instruction {
            breadcrumb: &[CONNECTOR, SETTINGS],
            highlight: 1,
            link: Some(LinkId::RakurakuConnectorManual),
            captcha: false,
        },
    },
    StepDef {
        id: "agent_download",
        title: Text::new("インストーラをダウンロード", "Download the installer"),
        body: &[
            Text::new("「ダウンロード」をクリックします。", "Click 「ダウンロード」 (download)."),
            Text::new(
                "動作に必要なプログラムのインストーラがダウンロードされます。",
                "The installer of the program needed is downloaded.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[CONNECTOR, SETTINGS, Text::new("ダウンロード", "ダウンロード (download)")],
            highlight: 2,
            link: Some(LinkId::RakurakuConnectorManual),
            captcha: false,
        },
    },
    StepDef {
        id: "agent_extract",
        title: Text::new("setup.zip を解凍", "Extract setup.zip"),
        body: &[
            Text::new(
                "ダウンロードされた「setup.zip」を解凍します。",
                "Extract the downloaded 「setup.zip」.",
            ),
            Text::new(
                "該当ファイルを右クリックし\"すべて展開\"を選択し解凍します。",
                "Right-click the file and choose \"すべて展開\" (Extract All).",
            ),
            Text::new(
                "解凍すると「setup」というフォルダが作成されます。",
                "A folder named 「setup」 is created.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[
                Text::new("setup.zip（右クリック）", "setup.zip (right-click)"),
                Text::new("すべて展開", "すべて展開 (Extract All)"),
            ],
            highlight: 1,
            link: Some(LinkId::RakurakuConnectorManual),
            captcha: false,
        },
    },
    StepDef {
        id: "agent_install",
        title: Text::new("エージェントをインストール", "Install the agent"),
        body: &[Text::new(
            "「setup」フォルダ内の「QanatUniverseAgent_導入マニュアル.pdf」を確認の上、QanatUniverseエージェントをインストールください。",
            "Read 「QanatUniverseAgent_導入マニュアル.pdf」 (the agent's installation manual) in the 「setup」 folder, then install the QanatUniverse agent.",
        )],
        kind: StepKind::Instruction {
            breadcrumb: &[
                Text::new("setup", "setup"),
                Text::new(
                    "QanatUniverseAgent_導入マニュアル.pdf",
                    "QanatUniverseAgent_導入マニュアル.pdf (installation manual)",
                ),
            ],
            highlight: 1,
            link: Some(LinkId::RakurakuConnectorManual),
            captcha: false,
        },
    },
    StepDef {
        id: "agent_start",
        title: Text::new("エージェントを起動", "Start the agent"),
        body: &[
            Text::new(
                "タスクトレイのアイコンを右クリックし、表示されるポップアップメニューから「起動」を選択します。",
                "Right-click the icon in the task tray and choose 「起動」 (start) from the pop-up menu.",
            ),
            Text::new(
                "起動が完了すると、メッセージが表示されます。",
                "When it has started, a message is shown.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[
                Text::new("タスクトレイのアイコン（右クリック）", "Task-tray icon (right-click)"),
                Text::new("起動", "起動 (start)"),
            ],
            highlight: 1,
            link: Some(LinkId::RakurakuConnectorManual),
            captcha: false,
        },
    },
    StepDef {
        id: "step1",
        title: Text::new("Step1. 楽楽明細API接続設定", "Step 1: 楽楽明細 API connection"),
        body: &[
            Text::new(
                "楽楽コネクタ上で、「楽楽明細」との接続設定を行います。",
                "In 楽楽コネクタ, set up the connection with 楽楽明細.",
            ),
            Text::new(
                "楽楽コネクタにログイン>「連携設定」>「Step1.「楽楽明細」API接続設定」を設定します。",
                "Log in to 楽楽コネクタ > 「連携設定」 > fill in 「Step1.「楽楽明細」API接続設定」.",
            ),
        ],
        kind: StepKind::Form {
            fields: STEP1_FIELDS,
            repeat: None,
        },
    },
    StepDef {
        id: "connection_test",
        title: Text::new("接続テスト", "Connection test"),
        body: &[Text::new(
            "入力したURLとAPIトークンで「楽楽明細」のAPIに接続できるか確かめます。顧客の検索を1回行うだけで、データは変更しません。",
            "Checks that the 楽楽明細 API can be reached with the URL and API token entered. It makes one customer search and changes no data.",
        )],
        kind: StepKind::ConnectionTest,
    },
    StepDef {
        id: "step2",
        title: Text::new(
            "Step2. Qanat Universe Agent接続設定",
            "Step 2: Qanat Universe Agent connection",
        ),
        body: &[Text::new(
            "楽楽コネクタにログイン>「連携設定」>「Step2.Qanat Universe Agent接続設定」を設定します。",
            "Log in to 楽楽コネクタ > 「連携設定」 > fill in 「Step2.Qanat Universe Agent接続設定」.",
        )],
        kind: StepKind::Form {
            fields: STEP2_FIELDS,
            repeat: None,
        },
    },
    StepDef {
        id: "ip_restriction",
        title: Text::new("IPアドレス制限", "IP address restriction"),
        body: &[
            Text::new(
                "【IPアドレス制限オプションをご利用されている場合のみ】 楽楽コネクタから「楽楽明細」へのアクセスができるよう、以下IPアドレスを追加します。",
                "[Only if you use the IP address restriction option] Add the addresses below so that 楽楽コネクタ can reach 楽楽明細.",
            ),
            Text::new(
                "※IPアドレスの追加手順は、「IPアドレス制限」をご確認ください。",
                "For how to add addresses, see 「IPアドレス制限」 (IP address restriction).",
            ),
            Text::new(
                "<追加するIPアドレス>※3つとも追加いただく必要があります。",
                "<Addresses to add> All three must be added.",
            ),
        ],
        kind: StepKind::IpAllowList {
            addresses: &CONNECTOR_IP_ADDRESSES,
            option_field: "ipRestriction",
        },
    },
    StepDef {
        id: "step3",
        title: Text::new("Step3. 顧客データ連携設定", "Step 3: customer data"),
        body: &[
            Text::new(
                "楽楽コネクタへの顧客データの連携設定を行います。",
                "Set up how customer data is linked to 楽楽コネクタ.",
            ),
            Text::new(
                "楽楽コネクタにログイン>「連携設定」>「Step3.顧客データ連携設定」を設定します。",
                "Log in to 楽楽コネクタ > 「連携設定」 > fill in 「Step3.顧客データ連携設定」.",
            ),
        ],
        kind: StepKind::Form {
            fields: STEP3_FIELDS,
            repeat: None,
        },
    },
    StepDef {
        id: "step4",
        title: Text::new("Step4. 帳票データ連携設定", "Step 4: bill data"),
        body: &[
            Text::new(
                "楽楽コネクタにログイン>「連携設定」をクリックします。",
                "Log in to 楽楽コネクタ > click 「連携設定」.",
            ),
            Text::new(
                "「Step4.帳票データ連携設定1」 > 「連携タイミング」を設定します。",
                "In 「Step4.帳票データ連携設定1」, set 「連携タイミング」 (timing).",
            ),
            Text::new(
                "「Step4.帳票データ連携設定1」>「帳票名」~「ファイル1行目」を設定します。",
                "In 「Step4.帳票データ連携設定1」, set 「帳票名」 to 「ファイル1行目」.",
            ),
            Text::new(
                "「Step4.帳票データ連携設定1」>「承認フラグ」「承認フローID」を設定します。",
                "In 「Step4.帳票データ連携設定1」, set 「承認フラグ」 and 「承認フローID」.",
            ),
        ],
        kind: StepKind::Form {
            fields: STEP4_FIELDS,
            repeat: Some("reports"),
        },
    },
    StepDef {
        id: "folder_check",
        title: Text::new("フォルダとファイルの確認", "Check the folders and files"),
        body: &[
            Text::new(
                "QanatUniverseエージェントの「ファイルの配置場所」を選ぶと、設定した各フォルダがあるか、ファイル名（前方一致）で取り込まれるファイル、その文字コードと1行目を確かめ、ファイル1行目の設定をおすすめします。",
                "Choose the QanatUniverse agent's 「ファイルの配置場所」 (file location): Kagiban checks that each folder set exists, lists the files the prefixes pick up, their encoding and first rows, and recommends the ファイル1行目 setting.",
            ),
            Text::new(
                "Windows では通常 C:\\_qanatuniverse\\_qua\\userdata です。ほかの場所を選ぶこともできます。",
                "On Windows it is usually C:\\_qanatuniverse\\_qua\\userdata. You may choose another folder.",
            ),
        ],
        kind: StepKind::FolderCheck {
            windows_default: DEFAULT_AGENT_FOLDER_WINDOWS,
        },
    },
    StepDef {
        id: "sheet",
        title: Text::new("設定シート", "Settings sheet"),
        body: &[Text::new(
            "楽楽コネクタの画面の順に、入力する値を並べました。1つずつコピーして貼り付けてください。APIトークンとAgentKeyはキーチェーンからコピーし、60秒後にクリップボードから消します。印刷や、秘密の値を含まないJSONでの書き出しもできます。",
            "Every value, in the order of the 楽楽コネクタ screens: copy and paste them one by one. The API token and the AgentKey are copied from the keychain and cleared from the clipboard after 60 seconds. The sheet can be printed, or exported as JSON without the secrets.",
        )],
        kind: StepKind::Sheet,
    },
    StepDef {
        id: "done",
        title: Text::new("完了", "Done"),
        body: &[Text::new(
            "楽楽コネクタの設定内容を保存しました。あとから開いて編集できます。APIトークンとAgentKeyに有効期限はないため、更新のお知らせはありません。",
            "The 楽楽コネクタ settings are saved; open them again to edit. The API token and the AgentKey do not expire, so there are no renewal reminders.",
        )],
        kind: StepKind::Done,
    },
];

/// The flow.
pub const FLOW: FlowDef = FlowDef {
    id: RAKURAKU_CONNECTOR,
    title: Text::new("楽楽コネクタの設定", "Set up 楽楽コネクタ"),
    summary: Text::new(
        "QanatUniverseエージェントをインストールして起動し、楽楽コネクタの連携設定（Step1〜4）に入力する値を確かめて、設定シートにまとめます。",
        "Install and start the QanatUniverse agent, check the values for 楽楽コネクタ's link settings (Steps 1–4), and gather them in a settings sheet.",
    ),
    marketplace: Marketplace::Rakuraku,
    subject: CredentialKind::RakurakuApiToken,
    steps: STEPS,
};
