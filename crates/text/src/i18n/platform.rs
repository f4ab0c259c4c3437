//! Strings of Offline use, installing the app, and messages of the page itself.
//! Keys start with `platform.`. The offline states are those `assets/boot.js` publishes.

pub const STRINGS: &str = strings![
    ("platform.offline.now_saved", "You are offline now, and everything here keeps working.", "Anda sedang luring, dan semua yang ada di sini tetap berfungsi."),
    ("platform.offline.now_unsaved", "You are offline now: keep this tab open until the network is back.", "Anda sedang luring: biarkan tab ini terbuka sampai jaringan kembali."),
    ("platform.offline.saving", "Saving Aliansi on this device for use without a network…", "Menyimpan Aliansi di perangkat ini agar bisa dipakai tanpa jaringan…"),
    ("platform.offline.ready", "Works offline: Aliansi is saved on this device and opens without a network. You can also install it as an app from the browser's menu.", "Bisa luring: Aliansi tersimpan di perangkat ini dan terbuka tanpa jaringan. Anda juga dapat memasangnya sebagai aplikasi dari menu peramban."),
    ("platform.offline.update", "A new version of Aliansi is ready. It opens the next time you open Aliansi after closing all its tabs. Save what you are working on first: a closed tab does not keep its unsaved scenario.", "Versi baru Aliansi sudah siap. Versi itu akan terbuka saat Anda membuka Aliansi lagi setelah menutup semua tabnya. Simpan dulu pekerjaan Anda: skenario yang belum disimpan akan hilang bila tabnya ditutup."),
    ("platform.offline.failed", "Aliansi could not be saved for offline use yet (the connection may have dropped). It tries again as soon as the connection is back, while this page is open, and on your next visit.", "Aliansi belum dapat disimpan untuk penggunaan luring (sambungan mungkin terputus). Aliansi mencoba lagi begitu sambungan pulih, selama halaman ini terbuka, dan pada kunjungan berikutnya."),
    ("platform.offline.unavailable", "This copy of Aliansi cannot be kept for offline use (the page needs https or localhost, and a recent browser).", "Salinan Aliansi ini tidak dapat disimpan untuk penggunaan luring (halaman memerlukan https atau localhost, dan peramban versi terbaru)."),
];
